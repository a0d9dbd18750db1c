package dev.kpikit.runner.schedule;

import java.net.URI;
import java.nio.file.Path;

import dev.kpikit.runner.mail.SecretFile;

/**
 * Where a schedule's delivery goes besides (or instead of) mail.
 *
 * @param mail          whether it is mailed to the schedule's recipients
 * @param folder        a folder (a network share) the report files are written to, or null
 * @param keepDays      files of this report older than this many days are removed from the folder; null keeps all
 * @param webhook       a chat incoming webhook, or null
 * @param webhookFormat the JSON the chat expects
 * @param reportServer  the base URL of a kpikit report server ({@code kpikit serve}) that keeps the delivered PDFs:
 *                      the chat message links to the delivery's PDF there; null: no link
 */
public record Destinations(boolean mail, Path folder, Integer keepDays, Webhook webhook, WebhookFormat webhookFormat,
        URI reportServer) {

    public static final Destinations MAIL_ONLY = new Destinations(true, null, null, null, WebhookFormat.SLACK, null);

    /**
     * A chat's incoming-webhook URL: the URL is a secret (whoever has it can post), so it may come from an
     * environment variable or a file, read when a message is posted. {@code shown} is what logs and the history
     * show: the host of a URL given in the file, else where it comes from.
     */
    public record Webhook(String shown, java.util.function.Supplier<String> url) {

        static Webhook of(URI url) {
            return new Webhook(url.getHost(), url::toString);
        }

        static Webhook fromEnvironment(String variable) {
            return new Webhook("$" + variable, () -> {
                String value = System.getenv(variable);
                if (value == null || value.isBlank()) {
                    throw new IllegalStateException("the webhook variable " + variable + " is not set");
                }
                return value;
            });
        }

        static Webhook fromFile(Path file) {
            return new Webhook("file " + file, () -> SecretFile.read(file, "webhook"));
        }

        /** The URL, read now; a refusal that does not echo it (it is a secret). */
        URI resolve() {
            String text = url.get().strip();
            try {
                URI uri = new URI(text);
                if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (java.net.URISyntaxException e) {
                // refused below
            }
            throw new IllegalStateException("the webhook from " + shown + " is not an http(s) URL");
        }
    }

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
