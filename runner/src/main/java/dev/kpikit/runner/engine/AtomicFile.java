package dev.kpikit.runner.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.kpikit.runner.engine.OutputFolder.NotWritableException;

/**
 * One output file written whole or not at all: into a hidden temporary file in the target's
 * folder, then moved over the target in one step. Every command that writes a file goes through
 * here, so all outputs share three promises: a failure leaves the previous file as it was, the
 * file gets the mode a plain file creation gives (an existing target keeps its own), and a
 * failure is told as {@code cannot write to <target>: <why>}, never naming the temporary file.
 */
public final class AtomicFile implements AutoCloseable {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private static final String PARTIAL = ".partial";

    private final Path target;
    private final Path shownAs;
    private final Path partial;
    private boolean committed;

    private AtomicFile(Path target, Path shownAs, Path partial) {
        this.target = target;
        this.shownAs = shownAs;
        this.partial = partial;
    }

    /** Writes {@code content} to {@code target} through a temporary file; see the class comment. */
    public static <E extends Exception> void write(Path target, Content<E> content) throws IOException, E {
        try (AtomicFile file = create(target)) {
            try (OutputStream out = file.open()) {
                content.writeTo(out);
            }
            file.commit();
        }
    }

    /**
     * The temporary file to write: its own failures (a full disk) name the target, while those of the content (an
     * input that cannot be read) pass as they are.
     */
    public OutputStream open() throws NotWritableException {
        OutputStream file;
        try {
            file = Files.newOutputStream(partial);
        } catch (IOException e) {
            throw notWritable(e);
        }
        return new FilterOutputStream(file) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw notWritable(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw notWritable(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw notWritable(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw notWritable(e);
                }
            }
        };
    }

    /**
     * Refuses a target that is one of the files the command reads, however it is named ({@code F/./revenue.csv}, a
     * symbolic or hard link): the real files are compared, so the output can never replace its own input. A target
     * that is a directory is refused here too, as {@link #create} would, so that nothing is read or scored first.
     *
     * @param inputs the files read, as messages name them (those missing are skipped)
     */
    public static void requireNotAnInput(Path target, Collection<Path> inputs) throws NotWritableException {
        requireNotADirectory(target);
        if (!Files.exists(target)) {
            return;
        }
        for (Path input : inputs) {
            try {
                if (Files.exists(input) && Files.isSameFile(target, input)) {
                    throw new NotWritableException("cannot write to " + target + ": it is " + input
                            + ", which this command reads; name another file", null);
                }
            } catch (IOException e) {
                throw notWritable(target, e);
            }
        }
    }

    private static void requireNotADirectory(Path target) throws NotWritableException {
        if (Files.isDirectory(target.toAbsolutePath())) {
            throw new NotWritableException("cannot write to " + target + ": it is a directory; name a file", null);
        }
    }

    /**
     * Checks that {@code target} can be written (its folder created when missing) and creates the
     * temporary file to write; {@link #commit()} moves it into place, {@link #close()} removes it if not.
     */
    public static AtomicFile create(Path target) throws NotWritableException {
        Path absolute = target.toAbsolutePath();
        requireNotADirectory(target);
        Path folder = absolute.getParent();
        OutputFolder.prepare(folder, target);
        // created plainly, not with Files.createTempFile: that one is owner-only (600), the output must be as any file
        for (int attempt = 0; ; attempt++) {
            Path partial = folder.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + PARTIAL);
            try {
                Files.createFile(partial);
                return new AtomicFile(absolute, target, partial);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw new NotWritableException("cannot write to " + target + ": no free temporary name", e);
                }
            } catch (IOException e) {
                throw notWritable(target, e);
            }
        }
    }

    /** Where the content goes until {@link #commit()}. */
    public Path partial() {
        return partial;
    }

    /** Moves the written file over the target; an existing target's permissions stay as they were. */
    public void commit() throws NotWritableException {
        try {
            PosixFileAttributeView existing = Files.isRegularFile(target)
                    ? Files.getFileAttributeView(target, PosixFileAttributeView.class) : null;
            if (existing != null) {
                Files.setPosixFilePermissions(partial, existing.readAttributes().permissions());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw notWritable(e);
        }
    }

    /** The failure of writing this file, naming its target. */
    public NotWritableException notWritable(IOException e) {
        return notWritable(shownAs, e);
    }

    private static NotWritableException notWritable(Path target, IOException e) {
        if (e instanceof NotWritableException already) {
            return already;
        }
        String reason;
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            reason = "it is a directory; name a file";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason().toLowerCase(Locale.ROOT);
        } else if (e.getMessage() != null && !e.getMessage().contains(PARTIAL)) {
            reason = e.getMessage().toLowerCase(Locale.ROOT); // a full disk: "No space left on device"
        } else {
            reason = "the file system refused it";
        }
        return new NotWritableException("cannot write to " + target + ": " + reason, e);
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the failure that brought us here is what the user needs to read
            }
        }
    }
}
