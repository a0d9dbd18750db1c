package dev.kpikit.runner.engine;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure output can be written into a folder before any work is done, and says why not in
 * words: {@code cannot write to out/x.xlsx: out is not a directory}, {@code ...: permission
 * denied}. Without this check the user saw a bare path (Java's message for a file in the way)
 * or BIRT's {@code Failed to initialize emitter.}
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /** A folder that cannot take the output; the message says which and why. */
    public static final class NotWritableException extends IOException {

        private static final long serialVersionUID = 1L;

        NotWritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates {@code folder} when missing and checks that a file can be created in it.
     *
     * @param target what is to be written, as messages name it (the folder itself or a file in it)
     */
    public static void prepare(Path folder, Path target) throws NotWritableException {
        Path absolute = folder.toAbsolutePath().normalize();
        // Java reports a regular file on the way only by its path: find it and say so
        for (Path up = absolute; up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new NotWritableException("cannot write to " + target + ": " + up + " is not a directory", null);
                }
                break;
            }
        }
        try {
            Files.createDirectories(absolute);
            // a probe rather than Files.isWritable: it also fails on a read-only file system, and honestly so as root
            Files.delete(Files.createTempFile(absolute, ".kpikit-", ".probe"));
        } catch (AccessDeniedException e) {
            throw new NotWritableException("cannot write to " + target + ": permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "cannot create " + e.getFile() : e.getReason().toLowerCase(java.util.Locale.ROOT);
            throw new NotWritableException("cannot write to " + target + ": " + reason, e);
        } catch (IOException e) {
            throw new NotWritableException("cannot write to " + target + ": " + e.getMessage(), e);
        }
    }
}
