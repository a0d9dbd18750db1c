package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A delivery that fails is shown as FAILED with its error, and an operator's retry is a new delivery recorded the same way. */
class ServerSchedulesTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    private static String page(HttpClient client, String path) throws Exception {
        return new String(server.get(client, path).body(), StandardCharsets.UTF_8);
    }

    private static int failedRows(String html) {
        return html.split("<tr class=\"delivery failed\">", -1).length - 1;
    }

    private static String waitForFailed(HttpClient client, int rows) throws Exception {
        String path = "/deliveries?schedule=" + TestServer.BROKEN + "&state=FAILED";
        for (int i = 0; i < 600; i++) {
            String html = page(client, path);
            if (failedRows(html) >= rows) {
                return html;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + rows + " FAILED deliveries of " + TestServer.BROKEN + " within a minute");
    }

    @Test
    void aFailedDeliveryShowsItsErrorAndAnOperatorsRetryIsANewDelivery() throws Exception {
        HttpClient operator = server.loggedIn(TestServer.OPERATOR);
        String csrf = server.csrf(operator, "/schedules");
        assertEquals(303, server.post(operator, "/schedules/" + TestServer.BROKEN + "/run", "csrf=" + csrf).statusCode());
        String html = waitForFailed(operator, 1);
        assertTrue(html.contains("<span class=\"error\">render failed: "), "the row shows the delivery's error: " + html);

        Matcher fire = Pattern.compile("name=\"fire\" value=\"(\\d+)\"").matcher(html);
        assertTrue(fire.find(), "a Retry button on the FAILED row");
        HttpClient viewer = server.loggedIn(TestServer.VIEWER);
        assertEquals(403, server.post(viewer, "/deliveries/retry", "csrf=" + server.csrf(viewer, "/reports")
                + "&schedule=" + TestServer.BROKEN + "&fire=" + fire.group(1)).statusCode());
        assertEquals(303, server.post(operator, "/deliveries/retry", "csrf=" + csrf + "&schedule=" + TestServer.BROKEN
                + "&fire=" + fire.group(1)).statusCode());
        waitForFailed(operator, 2);
        // the retry is a new delivery for the same period: both rows in the store have the failed one's slot
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + server.folder.resolve("store")
                + ";AUTO_SERVER=TRUE", "sa", "");
                var query = connection.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT FIRE_TIME), COUNT(DISTINCT NOMINAL_TIME)"
                        + " FROM KPIKIT_DELIVERY WHERE SCHEDULE_ID = ?")) {
            query.setString(1, TestServer.BROKEN);
            try (var rows = query.executeQuery()) {
                rows.next();
                assertEquals(2, rows.getInt(1));
                assertEquals(2, rows.getInt(2), "two deliveries");
                assertEquals(1, rows.getInt(3), "of one period");
            }
        }
        assertEquals(404, server.post(operator, "/deliveries/retry", "csrf=" + csrf + "&schedule=" + TestServer.SCHEDULE
                + "&fire=" + fire.group(1)).statusCode(), "only a FAILED delivery can be retried");
    }

    @Test
    void schedulesPageShowsNextFireTimeAndStateOfEachSchedule() throws Exception {
        String html = page(server.loggedIn(TestServer.VIEWER), "/schedules");
        assertTrue(html.matches("(?s).*<tr id=\"schedule-" + TestServer.BROKEN + "\">.*?<td>\\d{4}-01-01 08:00</td>.*"),
                "next fire of '0 0 8 1 1 ?' in UTC: " + html);
        assertTrue(html.contains("Europe/Oslo"));
    }
}
