package dev.kpikit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening the files tables are kept in. */
final class DataFiles {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private DataFiles() {
    }

    /** The file's name, which messages show: users know their files by name. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Fails with the full path when the file is missing, so the user sees where kpikit looked. */
    static void requireExists(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
    }

    /** A UTF-8 reader that skips the byte order mark that Windows tools put first. */
    static BufferedReader openUtf8(Path file) throws IOException {
        requireExists(file);
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }
}
