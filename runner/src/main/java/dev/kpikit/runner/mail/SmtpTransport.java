package dev.kpikit.runner.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Sends through an SMTP server with Jakarta Mail (Eclipse Angus): STARTTLS unless on loopback, auth when a user is set. */
public final class SmtpTransport implements MailTransport {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", String.valueOf(settings.starttlsRequired()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.auth", String.valueOf(settings.username() != null));
        String timeout = String.valueOf(settings.timeoutMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        return props;
    }

    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.username() != null) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password().read());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String describe() {
        return settings.toString();
    }
}
