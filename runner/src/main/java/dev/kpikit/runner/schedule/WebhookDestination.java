package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kpikit.runner.mail.Headline;

/**
 * Posts a delivery to a chat's incoming webhook: the title and period, what changed (sendWhen), the headline KPIs.
 * Slack: {@code text} (the notification) and Block Kit {@code blocks}; Microsoft Teams: an Office 365 connector
 * {@code MessageCard} with the KPIs as facts. With a report server, a link to the delivery's PDF there. Any 2xx
 * answer is success.
 */
final class WebhookDestination {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private WebhookDestination() {
    }

    /** @throws IOException naming the HTTP status and the start of the answer when the chat refuses */
    static void post(URI url, Destinations.WebhookFormat format, String title, List<String> changes, List<Headline> headlines,
            URI link) throws IOException, InterruptedException {
        String body = json(format, title, changes, headlines, link);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException("HTTP " + response.statusCode() + " from " + url.getHost()
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "..." : answer)));
        }
    }

    /** @param link the report's PDF on a report server, or null */
    static String json(Destinations.WebhookFormat format, String title, List<String> changes, List<Headline> headlines,
            URI link) {
        ObjectNode root = JSON.createObjectNode();
        String summary = changes.isEmpty() ? title : title + ": " + changes.get(0);
        if (format == Destinations.WebhookFormat.SLACK) {
            root.put("text", summary);
            ArrayNode blocks = root.putArray("blocks");
            ObjectNode header = blocks.addObject().put("type", "header");
            header.putObject("text").put("type", "plain_text").put("text", title);
            if (!changes.isEmpty()) {
                blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                        .put("text", String.join("\n", changes));
            }
            if (!headlines.isEmpty()) {
                ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
                for (Headline h : headlines) {
                    fields.addObject().put("type", "mrkdwn").put("text", "*" + h.label() + "*\n" + h.text());
                }
            }
            if (link != null) {
                blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                        .put("text", "<" + link + "|" + title + " (PDF)>");
            }
        } else {
            root.put("@type", "MessageCard").put("@context", "https://schema.org/extensions").put("summary", summary)
                    .put("title", title);
            if (!changes.isEmpty()) {
                root.put("text", String.join("\n\n", changes));
            }
            if (!headlines.isEmpty()) {
                ArrayNode facts = root.putArray("sections").addObject().putArray("facts");
                for (Headline h : headlines) {
                    facts.addObject().put("name", h.label()).put("value", h.text());
                }
            }
            if (link != null) {
                ObjectNode open = root.putArray("potentialAction").addObject().put("@type", "OpenUri").put("name", "PDF");
                open.putArray("targets").addObject().put("os", "default").put("uri", link.toString());
            }
        }
        return root.toString();
    }
}
