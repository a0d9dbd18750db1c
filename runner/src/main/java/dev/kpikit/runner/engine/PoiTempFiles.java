package dev.kpikit.runner.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * POI's temporary files while kpikit writes XLSX. The XLSX emitter's streaming mode (SXSSF) writes every
 * sheet to a temporary file and never disposes of them, so they piled up in {@code <tmp>/poifiles}. kpikit
 * points POI at a folder of its own, {@code <java.io.tmpdir>/kpikit-poi-<pid>}, empties it whenever no XLSX
 * is being written (renders are counted, so a concurrent render's files are never pulled from under it), and
 * removes it when the JVM exits.
 */
public final class PoiTempFiles {

    private static Path folder;
    private static int active;

    private PoiTempFiles() {
    }

    /** Before writing an XLSX: POI's temporary files go to kpikit's folder from now on. */
    public static synchronized void acquired() {
        if (folder == null) {
            folder = Path.of(System.getProperty("java.io.tmpdir"), "kpikit-poi-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
            Path removed = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteFolder(removed), "kpikit-poi-cleanup"));
        }
        active++;
    }

    /** After writing an XLSX: when none is being written any more, what POI left behind is deleted. */
    public static synchronized void released() {
        active = Math.max(0, active - 1);
        if (active == 0 && folder != null) {
            emptyFolder(folder);
        }
    }

    /** The folder POI writes its temporary files to; null before the first XLSX. */
    public static synchronized Path folder() {
        return folder;
    }

    private static void emptyFolder(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a file still open elsewhere (Windows): removed at exit
                    file.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            // nothing to empty
        }
    }

    private static void deleteFolder(Path dir) {
        emptyFolder(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // left for the OS's temp cleaner
        }
    }
}
