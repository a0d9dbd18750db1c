package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.kpikit.runner.mail.Attachment;

/**
 * Writes a delivery's report files into a folder (a network share): {@code <title>_<as-of>_<sequence>.<ext>}, e.g.
 * {@code revenue-growth-and-concentration_2026-10-31_002.pdf}, the sequence one past the highest of that title and
 * date, the same for every file of one delivery. Each file is written to a hidden temporary file in the same
 * folder and moved into place atomically: a reader of the share never sees half a file. Files of the same title
 * older than {@code keepDays} are removed.
 */
final class FolderDestination {

    private static final Pattern NAME = Pattern.compile("(.+)_(\\d{4}-\\d{2}-\\d{2})\\.([A-Za-z0-9]+)");

    private FolderDestination() {
    }

    /** The names of the written files. */
    static List<String> write(Path folder, Integer keepDays, List<Attachment> files, Instant now) throws IOException {
        int sequence = nextSequence(folder, files);
        List<String> written = new ArrayList<>();
        for (Attachment file : files) {
            String name = sequenced(file.fileName(), sequence);
            Path temp = folder.resolve("." + name + ".tmp");
            Files.write(temp, file.content());
            try {
                try {
                    Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, folder.resolve(name));
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(name);
        }
        if (keepDays != null) {
            removeOlderThan(folder, files, now.minus(Duration.ofDays(keepDays)));
        }
        return written;
    }

    /** One past the highest sequence of any of these files' title and date in the folder. */
    private static int nextSequence(Path folder, List<Attachment> files) throws IOException {
        int highest = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                for (Attachment file : files) {
                    String base = base(file.fileName());
                    if (name.startsWith(base + "_")) {
                        Matcher m = Pattern.compile(Pattern.quote(base) + "_(\\d{3,9})\\.[A-Za-z0-9]+").matcher(name);
                        if (m.matches()) {
                            highest = Math.max(highest, Integer.parseInt(m.group(1)));
                        }
                    }
                }
            }
        }
        return highest + 1;
    }

    /** revenue_2026-10-31.pdf with 2 gives revenue_2026-10-31_002.pdf. */
    static String sequenced(String fileName, int sequence) {
        int dot = fileName.lastIndexOf('.');
        return String.format("%s_%03d%s", base(fileName), sequence, dot < 0 ? "" : fileName.substring(dot));
    }

    private static String base(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** Removes earlier deliveries' files of the same title (any as-of date) last written before {@code cutoff}. */
    private static void removeOlderThan(Path folder, List<Attachment> files, Instant cutoff) throws IOException {
        List<String> titles = new ArrayList<>();
        for (Attachment file : files) {
            Matcher m = NAME.matcher(file.fileName());
            if (m.matches()) {
                titles.add(m.group(1));
            }
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                boolean ours = titles.stream().anyMatch(t -> name.matches(Pattern.quote(t) + "_\\d{4}-\\d{2}-\\d{2}_\\d{3,9}\\.[A-Za-z0-9]+"));
                if (ours && Files.isRegularFile(entry) && Files.getLastModifiedTime(entry).compareTo(FileTime.from(cutoff)) < 0) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }
}
