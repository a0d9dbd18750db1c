package dev.kpikit.runner.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands a finished message to its recipients: an SMTP server, or a folder of .eml files (dry run). */
public interface MailTransport {

    void send(MimeMessage message) throws MessagingException;

    /** For logs and the history: where mail goes. */
    String describe();

    default boolean dryRun() {
        return false;
    }
}
