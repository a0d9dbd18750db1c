package dev.kpikit.runner.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Dry run: writes each message as an .eml file (Bcc kept, so the recipients can be checked) instead of sending it. */
public final class EmlFolderTransport implements MailTransport {

    private final Path folder;

    public EmlFolderTransport(Path folder) {
        this.folder = folder;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        Path target = null;
        Path partial = null;
        try {
            Files.createDirectories(folder);
            String id = message.getMessageID() == null ? String.valueOf(System.nanoTime()) : message.getMessageID();
            target = folder.resolve(id.replaceAll("^<|>$", "").replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
            partial = folder.resolve("." + target.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out, new String[0]);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);  // never a half message in the folder
            String writing = target == null ? "" : " while writing " + target.getFileName();
            String why = noSpaceLeft(e) ? "no space left on " + folder + writing
                    : "cannot write the dry-run message into " + folder + writing + ": " + e.getMessage();
            throw new MessagingException(why, e);
        }
    }

    private static boolean noSpaceLeft(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the folder is unusable; the failure already says so
            }
        }
    }

    @Override
    public String describe() {
        return "dry run into " + folder;
    }

    @Override
    public boolean dryRun() {
        return true;
    }
}
