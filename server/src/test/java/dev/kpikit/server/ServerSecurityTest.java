package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may do what: sessions, CSRF on every form, roles, login throttling, security headers. */
class ServerSecurityTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    @Test
    void loginSetsAnHttpOnlySameSiteSessionCookieAndGoesToTheAskedPage() throws Exception {
        HttpResponse<String> login = server.post(TestServer.client(), "/login",
                "username=" + TestServer.VIEWER + "&password=" + TestServer.encode(TestServer.PASSWORD) + "&next=%2Fdeliveries");
        assertEquals(303, login.statusCode());
        assertEquals("/deliveries", login.headers().firstValue("Location").orElse(""));
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("kpikit_session="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void loginNeverRedirectsToAnotherSite() throws Exception {
        HttpResponse<String> login = server.post(TestServer.client(), "/login",
                "username=" + TestServer.VIEWER + "&password=" + TestServer.encode(TestServer.PASSWORD) + "&next=%2F%2Fevil.example.com");
        assertEquals("/reports", login.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainWith401() throws Exception {
        HttpResponse<String> login = server.post(TestServer.client(), "/login",
                "username=" + TestServer.ADMIN + "&password=nope");
        assertEquals(401, login.statusCode());
        assertTrue(login.body().contains("Wrong user name or password."));
        assertTrue(login.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void loginsAreRefusedAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        String user = "throttled-user";  // not a user of the file: failures on it lock no test out
        for (int i = 0; i < 5; i++) {
            assertEquals(401, server.post(TestServer.client(), "/login", "username=" + user + "&password=guess" + i).statusCode());
        }
        HttpResponse<String> refused = server.post(TestServer.client(), "/login", "username=" + user + "&password=guess");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("Too many failed attempts"), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    /** A script's basic auth, throttled, was told 401 "wrong user name or password" with the right password. */
    @Test
    void basicAuthAfterFiveFailuresIsToldToWaitNotThatTheRightPasswordIsWrong() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, server.get(TestServer.client(), "/metrics", "Authorization",
                    TestServer.basic(TestServer.LOCKED_OUT, "guess" + i)).statusCode());
        }
        HttpResponse<byte[]> refused = server.get(TestServer.client(), "/metrics", "Authorization",
                TestServer.basic(TestServer.LOCKED_OUT, TestServer.PASSWORD));
        assertEquals(429, refused.statusCode());
        assertEquals("Too many failed attempts: try again in 15 minute(s).", new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient operator = server.loggedIn(TestServer.OPERATOR);
        HttpResponse<String> without = server.post(operator, "/schedules/" + TestServer.SCHEDULE + "/pause", "");
        assertEquals(403, without.statusCode());
        HttpResponse<String> wrong = server.post(operator, "/schedules/" + TestServer.SCHEDULE + "/pause", "csrf=forged");
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> logout = server.post(operator, "/logout", "");
        assertEquals(403, logout.statusCode());
    }

    @Test
    void aViewerIsRefusedAnOperatorsAction() throws Exception {
        HttpClient viewer = server.loggedIn(TestServer.VIEWER);
        String csrf = server.csrf(viewer, "/schedules");
        HttpResponse<String> pause = server.post(viewer, "/schedules/" + TestServer.SCHEDULE + "/pause", "csrf=" + csrf);
        assertEquals(403, pause.statusCode());
        assertTrue(pause.body().contains("Refused: this needs the role operator."), pause.body());
        String schedules = new String(server.get(viewer, "/schedules").body(), StandardCharsets.UTF_8);
        assertFalse(schedules.contains("class=\"pause\""), "a viewer gets no pause button");
    }

    @Test
    void afterLogoutTheSessionIsGone() throws Exception {
        HttpClient client = server.loggedIn(TestServer.VIEWER);
        String csrf = server.csrf(client, "/reports");
        assertEquals(303, server.post(client, "/logout", "csrf=" + csrf).statusCode());
        assertEquals(302, server.get(client, "/reports").statusCode());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<byte[]> page = server.get(server.loggedIn(TestServer.VIEWER), "/reports");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>"), "no inline script");
    }

    @Test
    void theLanguageFollowsAcceptLanguageAndTheSwitch() throws Exception {
        HttpClient client = server.loggedIn(TestServer.VIEWER);
        String french = new String(server.get(client, "/schedules", "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8").body(),
                StandardCharsets.UTF_8);
        assertTrue(french.contains("<html lang=\"fr\">"), french.substring(0, 200));
        assertTrue(french.contains("Planifications"), "French page texts");
        assertEquals(303, server.get(client, "/lang/nb?next=/schedules").statusCode());
        String norwegian = new String(server.get(client, "/schedules", "Accept-Language", "fr").body(), StandardCharsets.UTF_8);
        assertTrue(norwegian.contains("<html lang=\"nb\">"), "the switch wins over the browser's language");
    }
}
