package dev.kpikit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
        requireExists(file, "file");
    }

    /**
     * As {@link #requireExists(Path)}; a folder where the file should be is told as such ({@code what}: the kind of
     * file wanted), since "no such file" about a path the user sees in a listing is misleading.
     */
    static void requireExists(Path file, String what) throws NoSuchFileException {
        if (Files.isDirectory(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "it is a folder, not a " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
    }

    /**
     * A reader of text in {@code encoding} that fails on bytes which are not in it; a file that starts with a byte
     * order mark is read in the encoding the mark names, without it: UTF-8 (Excel's "CSV UTF-8") or UTF-16 (Excel's
     * "Unicode text"), whatever encoding is declared.
     */
    static BufferedReader openText(Path file, Charset encoding) throws IOException {
        requireExists(file);
        BufferedReader reader = Files.newBufferedReader(file, textEncoding(file, encoding));
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

    /**
     * The encoding to read {@code file} in: the one its byte order mark names (UTF-8, UTF-16LE or UTF-16BE), else the
     * declared one. A mark wins over a declared encoding: a folder read as windows-1252 (Excel's "CSV") may hold a
     * table saved as "CSV UTF-8", whose mark would otherwise be read as the letters "ï»¿" before its first column's name.
     */
    static Charset textEncoding(Path file, Charset declared) throws IOException {
        byte[] start = new byte[3];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, 3);
        }
        if (read >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (read >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (read == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        return declared;
    }

    /** How many bytes of a file's start {@link #utf16WithoutMark} looks at. */
    private static final int UTF16_SNIFF_BYTES = 512;

    /**
     * UTF-16LE or UTF-16BE when the file starts like UTF-16 text without a byte order mark: zero bytes in every
     * other place, the high bytes of the letters of a Latin alphabet. Such a file decodes as UTF-8 without an error,
     * its zero bytes read as characters that make every name unlike the one written; null for anything else.
     */
    static Charset utf16WithoutMark(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(UTF16_SNIFF_BYTES);
        }
        int pairs = start.length / 2;
        int zerosFirst = 0;
        int zerosSecond = 0;
        for (int i = 0; i < pairs; i++) {
            zerosFirst += start[2 * i] == 0 ? 1 : 0;
            zerosSecond += start[2 * i + 1] == 0 ? 1 : 0;
        }
        // mostly ASCII letters: zeros in at least half of one place and (almost) none in the other
        if (pairs >= 2 && zerosSecond * 2 >= pairs && zerosFirst * 10 <= zerosSecond) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs >= 2 && zerosFirst * 2 >= pairs && zerosSecond * 10 <= zerosFirst) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The first byte of a file that is not text in its encoding: its 1-based line, 0-based byte offset and value. */
    record Undecodable(long line, long offset, int value) {

        /** "line 2, byte offset 107 (0xE9)" */
        String where() {
            return "line " + line + ", byte offset " + offset + " (0x" + String.format("%02X", value) + ")";
        }
    }

    /**
     * Finds the first byte sequence that is not text in {@code encoding}. Readers decode ahead in
     * blocks, so the error they raise does not say where the fault is; this second look, made only
     * after such an error, does. Lines are counted by '\n' bytes, which suits UTF-8 and the one-byte
     * encodings.
     *
     * @return null when the whole file decodes
     */
    static Undecodable firstUndecodable(Path file, Charset encoding) throws IOException {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(8192).limit(0);
        CharBuffer out = CharBuffer.allocate(8192);
        long consumed = 0; // bytes of the file before in's position
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.limit(), in.capacity() - in.limit());
                end = read < 0;
                if (!end) {
                    in.limit(in.limit() + read);
                }
                while (true) {
                    int start = in.position();
                    CoderResult result = decoder.decode(in, out, end);
                    for (int i = start; i < in.position(); i++) {
                        if (in.get(i) == '\n') {
                            line++;
                        }
                    }
                    consumed += in.position() - start;
                    if (result.isError()) {
                        return new Undecodable(line, consumed, in.get(in.position()) & 0xFF);
                    }
                    out.clear();
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                in.compact().flip();
            }
        }
        return null;
    }
}
