package dev.kpikit.runner.schedule;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a schedule's delivery goes besides (or instead of) mail.
 *
 * @param mail          whether it is mailed to the schedule's recipients
 * @param folder        a folder (a network share) the report files are written to, or null
 * @param keepDays      files of this report older than this many days are removed from the folder; null keeps all
 * @param webhook       a chat incoming-webhook URL, or null
 * @param webhookFormat the JSON the chat expects
 * @param reportServer  the base URL of a kpikit report server ({@code kpikit serve}) that keeps the delivered PDFs:
 *                      the chat message links to the delivery's PDF there; null: no link
 */
public record Destinations(boolean mail, Path folder, Integer keepDays, URI webhook, WebhookFormat webhookFormat,
        URI reportServer) {

    public static final Destinations MAIL_ONLY = new Destinations(true, null, null, null, WebhookFormat.SLACK, null);

    /** The JSON of an incoming webhook. */
    public enum WebhookFormat {
        SLACK, TEAMS
    }

    /** The report server's page of a delivery's PDF, or null without a report server. */
    public URI reportLink(String scheduleId, java.time.Instant fireTime) {
        if (reportServer == null) {
            return null;
        }
        String base = reportServer.toString().replaceAll("/+$", "");
        return URI.create(base + "/deliveries/pdf?schedule=" + scheduleId + "&fire=" + fireTime.toEpochMilli());
    }

    public boolean others() {
        return folder != null || webhook != null;
    }
}
