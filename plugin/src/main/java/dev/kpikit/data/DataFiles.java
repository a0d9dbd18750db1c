package dev.kpikit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
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

    /**
     * A UTF-8 reader that skips the byte order mark that Windows tools put first; a file that
     * starts with a UTF-16 byte order mark (Excel's "Unicode text") is read as UTF-16.
     */
    static BufferedReader openUtf8(Path file) throws IOException {
        requireExists(file);
        BufferedReader reader = Files.newBufferedReader(file, byteOrderMarkCharset(file));
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

    private static Charset byteOrderMarkCharset(Path file) throws IOException {
        byte[] start = new byte[2];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, 2);
        }
        if (read == 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (read == 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }
}
