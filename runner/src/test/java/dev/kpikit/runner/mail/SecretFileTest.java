package dev.kpikit.runner.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSecretWithoutTheBlanksAround() throws Exception {
        Path file = Files.writeString(folder.resolve("password"), "  s3cret-p\u00e5ssword\n");
        assertEquals("s3cret-p\u00e5ssword", SecretFile.read(file, "SMTP password"));
    }

    @Test
    void aFileInAnotherEncodingOrMissingIsNamedWithoutItsContent() throws Exception {
        Path latin1 = Files.write(folder.resolve("password"), "s3cret-p\u00e5ssword".getBytes(StandardCharsets.ISO_8859_1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretFile.read(latin1, "SMTP password"));
        // Java's own words were "Input length = 1"
        assertEquals("cannot read the SMTP password file " + latin1 + ": it is not UTF-8 text; save it as UTF-8", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));

        Path missing = folder.resolve("webhook-url");
        assertEquals("cannot read the webhook file " + missing + ": no such file",
                assertThrows(IllegalStateException.class, () -> SecretFile.read(missing, "webhook")).getMessage());
    }
}
