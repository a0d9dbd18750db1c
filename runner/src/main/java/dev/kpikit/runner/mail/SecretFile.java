package dev.kpikit.runner.mail;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A secret kept in a file of its own (an SMTP password, a webhook URL): its text without the blanks around it. A
 * refusal names the file and what is wrong with it, never what it holds.
 */
public final class SecretFile {

    private SecretFile() {
    }

    /**
     * @param what what the file holds, for the message: "SMTP password", "webhook"
     * @throws IllegalStateException naming the file when it cannot be read
     */
    public static String read(Path file, String what) {
        try {
            return Files.readString(file).strip();
        } catch (CharacterCodingException e) { // Java says only "Input length = 1"
            throw refusal(what, file, "it is not UTF-8 text; save it as UTF-8");
        } catch (NoSuchFileException e) {
            throw refusal(what, file, "no such file");
        } catch (IOException e) {
            throw refusal(what, file, e.getMessage() == null ? "unreadable" : e.getMessage());
        }
    }

    private static IllegalStateException refusal(String what, Path file, String reason) {
        return new IllegalStateException("cannot read the " + what + " file " + file + ": " + reason);
    }
}
