package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why output cannot be written, in words, on real folders. Tests may run as root, whom file
 * permissions do not stop: the permission case runs only for other users, and a folder below
 * a regular file or in /sys (which refuses even root) stands in for "cannot write" everywhere.
 */
class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsCreatedAndNoProbeIsLeft() throws Exception {
        Path out = dir.resolve("reports/2026");
        OutputFolder.prepare(out, out);
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aRegularFileOnThePathIsNamedAsNotADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path target = file.resolve("deeper/x.xlsx");
        OutputFolder.NotWritableException e = assertThrows(OutputFolder.NotWritableException.class,
                () -> OutputFolder.prepare(target.getParent(), target));
        assertEquals("cannot write to " + target + ": " + file + " is not a directory", e.getMessage());
    }

    @Test
    void aFolderTheSystemRefusesEvenToRootSaysWhy() {
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !Files.exists(sys.resolve("kpikit")), "a Linux /sys");
        Path out = sys.resolve("kpikit/reports");
        OutputFolder.NotWritableException e = assertThrows(OutputFolder.NotWritableException.class,
                () -> OutputFolder.prepare(out, out));
        assertTrue(e.getMessage().startsWith("cannot write to /sys/kpikit/reports: "), e.getMessage());
        assertTrue(e.getMessage().matches(".*: (operation not permitted|permission denied|read-only file system)"), e.getMessage());
    }

    @Test
    void aReadOnlyFolderSaysPermissionDenied() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            OutputFolder.NotWritableException e = assertThrows(OutputFolder.NotWritableException.class,
                    () -> OutputFolder.prepare(readOnly, readOnly.resolve("x.xlsx")));
            assertEquals("cannot write to " + readOnly.resolve("x.xlsx") + ": permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
