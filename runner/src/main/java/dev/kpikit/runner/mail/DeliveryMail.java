package dev.kpikit.runner.mail;

import java.util.Date;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds the message a manager receives:
 * <pre>
 * multipart/mixed
 *   multipart/related
 *     multipart/alternative: text/plain, text/html (headline KPIs table, inline image cid:kpis)
 *     image/png (the KPI picture)
 *   application/pdf (and xlsx) attachments
 * </pre>
 * The Message-ID is chosen by kpikit, not by the mail library, so that it can be recorded
 * before sending and found again after a crash.
 */
public final class DeliveryMail {

    /** Content-ID of the inline KPI image. */
    public static final String KPI_IMAGE_CID = "kpis@kpikit";

    private DeliveryMail() {
    }

    public record Content(InternetAddress from, List<InternetAddress> to, List<InternetAddress> cc,
            List<InternetAddress> bcc, String subject, String intro, String title, String period,
            List<Headline> headlines, byte[] kpiImage, List<Attachment> attachments) {
    }

    public static MimeMessage build(Session session, String messageId, Content content) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(content.from());
        message.setRecipients(Message.RecipientType.TO, content.to().toArray(InternetAddress[]::new));
        if (!content.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, content.cc().toArray(InternetAddress[]::new));
        }
        if (!content.bcc().isEmpty()) {
            message.setRecipients(Message.RecipientType.BCC, content.bcc().toArray(InternetAddress[]::new));
        }
        message.setSubject(oneLine(content.subject()), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Mailer", "kpikit");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText(content), "UTF-8");
        alternative.addBodyPart(text);
        byte[] image = content.kpiImage();
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(content, image != null), "UTF-8", "html");
        alternative.addBodyPart(html);

        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        related.addBodyPart(alternativePart);
        if (image != null) {
            MimeBodyPart picture = new MimeBodyPart();
            picture.setDataHandler(new DataHandler(new ByteArrayDataSource(image, "image/png")));
            picture.setContentID("<" + KPI_IMAGE_CID + ">");
            picture.setDisposition(MimeBodyPart.INLINE);
            picture.setFileName("kpis.png");
            related.addBodyPart(picture);
        }

        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        mixed.addBodyPart(relatedPart);
        for (Attachment attachment : content.attachments()) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /** A plain notice (a failure report to a schedule's owner): text only. */
    public static MimeMessage notice(Session session, InternetAddress from, InternetAddress to, String subject, String text)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(oneLine(subject), "UTF-8");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    static String plainText(Content content) {
        StringBuilder text = new StringBuilder(content.intro().strip()).append("\n\n");
        text.append(content.title()).append(" - ").append(content.period()).append('\n');
        int width = content.headlines().stream().mapToInt(h -> h.label().length()).max().orElse(0);
        for (Headline h : content.headlines()) {
            text.append("  ").append(String.format("%-" + width + "s", h.label())).append("  ").append(h.text()).append('\n');
        }
        if (!content.attachments().isEmpty()) {
            text.append("\nAttached: ");
            text.append(String.join(", ", content.attachments().stream().map(Attachment::fileName).toList())).append('\n');
        }
        return text.toString();
    }

    static String html(Content content, boolean withImage) {
        StringBuilder html = new StringBuilder(512);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(content.title()))
                .append("</title></head><body style=\"font-family:sans-serif;font-size:14px\">");
        for (String paragraph : content.intro().strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        html.append("<h2 style=\"font-size:16px\">").append(escape(content.title())).append(" &middot; ")
                .append(escape(content.period())).append("</h2>");
        if (!content.headlines().isEmpty()) {
            html.append("<table style=\"border-collapse:collapse\">");
            for (Headline h : content.headlines()) {
                html.append("<tr><td style=\"padding:2px 12px 2px 0\">").append(escape(h.label()))
                        .append("</td><td style=\"padding:2px 0;text-align:right;font-weight:bold\">")
                        .append(escape(h.text())).append("</td></tr>");
            }
            html.append("</table>");
        }
        if (withImage) {
            html.append("<p><img src=\"cid:").append(KPI_IMAGE_CID).append("\" alt=\"headline KPIs\"></p>");
        }
        html.append("</body></html>");
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Header values never carry line breaks (header injection); templates are validated, values are folded here. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** Keeps the Message-ID kpikit recorded; Jakarta Mail would otherwise make a new one on saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

}
