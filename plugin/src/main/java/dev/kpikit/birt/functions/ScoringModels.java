package dev.kpikit.birt.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.kpikit.scoring.ScoringModel;

/**
 * The scoring models that script functions name, read once and kept while their file is
 * unchanged: a function runs for every row, a model file is read for the first.
 */
final class ScoringModels {

    private record Cached(FileTime modified, ScoringModel model) {
    }

    private static final Map<Path, Cached> FILES = new ConcurrentHashMap<>();
    private static final Map<String, ScoringModel> INLINE = new ConcurrentHashMap<>();

    private ScoringModels() {
    }

    /**
     * The model a function argument names: blank for the built-in default, JSON text starting
     * with '{', or the path of a model file.
     *
     * @throws dev.kpikit.scoring.ModelException naming file, line, column and field of a mistake
     * @throws IllegalArgumentException          for a file that does not exist
     */
    static ScoringModel named(String model) {
        if (model == null || model.isBlank()) {
            return ScoringModel.defaultModel();
        }
        String text = model.strip();
        if (text.startsWith("{")) {
            return INLINE.computeIfAbsent(text, json -> ScoringModel.parse(json, "model argument"));
        }
        Path file = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scoring model file at " + file);
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return FILES.compute(file, (path, cached) -> cached != null && cached.modified().equals(modified)
                    ? cached : new Cached(modified, ScoringModel.read(path))).model();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scoring model " + file + ": " + e.getMessage(), e);
        }
    }

    /** A model that can score one account alone, as a function does. */
    static ScoringModel standalone(String model) {
        ScoringModel scoringModel = named(model);
        if (!scoringModel.standalone()) {
            throw new IllegalArgumentException("the model '" + scoringModel.name() + "' normalises over all accounts"
                    + " (MIN_MAX, PERCENTILE_RANK, MEAN or MEDIAN): a function scores one account at a time and needs"
                    + " FIXED_SCALE factors; use the kpikit accounts data set for this model");
        }
        return scoringModel;
    }
}
