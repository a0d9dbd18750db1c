package dev.kpikit.runner.mail;

/** A file attached to a delivery, held in memory (reports are small; a delivery re-reads nothing from disk). */
public record Attachment(String fileName, String contentType, byte[] content) {

    public int size() {
        return content.length;
    }
}
