package dev.kpikit.runner.excel;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming workbook (rows kept in memory a window at a time, the rest in gzipped temporary files, strings shared)
 * whose sheets write their XML through a buffer without a lock. POI writes a cell's text, formulas included, a character
 * at a time, and the {@link java.io.BufferedWriter} it wraps takes a lock for each: half the time of a 100,000-account
 * scoring workbook went there.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    /** @param window rows kept in memory per sheet before they are written out */
    StreamingWorkbook(int window) {
        super(null, window, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new SheetWriter(_sharedStringSource);
    }

    /** A gzipped sheet file written through {@link UnlockedBuffer}. */
    private static final class SheetWriter extends GZIPSheetDataWriter {

        SheetWriter(SharedStringsTable strings) throws IOException {
            super(strings);
        }

        /** Gzipped fast: the temporary file is read once, into the workbook's own compression, then deleted. */
        @Override
        protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
            return new GZIPOutputStream(file, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }

        @Override
        public Writer createWriter(File file) throws IOException {
            // called by POI's constructor: uses nothing of this object but what its parent has made
            FileOutputStream bytes = new FileOutputStream(file);
            OutputStream decorated;
            try {
                decorated = decorateOutputStream(bytes);
            } catch (IOException | RuntimeException e) {
                bytes.close();
                throw e;
            }
            return new UnlockedBuffer(new OutputStreamWriter(decorated, StandardCharsets.UTF_8));
        }
    }

    /** A buffer in front of a writer for one thread: no lock per call, unlike {@link java.io.BufferedWriter}. */
    static final class UnlockedBuffer extends Writer {

        private final Writer out;
        private final char[] buffer = new char[1 << 16];
        private int size;

        UnlockedBuffer(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (char) c;
        }

        @Override
        public void write(char[] chars, int from, int length) throws IOException {
            if (size + length > buffer.length) {
                drain();
                if (length >= buffer.length) {
                    out.write(chars, from, length);
                    return;
                }
            }
            System.arraycopy(chars, from, buffer, size, length);
            size += length;
        }

        @Override
        public void write(String text, int from, int length) throws IOException {
            if (size + length > buffer.length) {
                drain();
                if (length >= buffer.length) {
                    out.write(text, from, length);
                    return;
                }
            }
            text.getChars(from, from + length, buffer, size);
            size += length;
        }

        private void drain() throws IOException {
            if (size > 0) {
                out.write(buffer, 0, size);
                size = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }
}
