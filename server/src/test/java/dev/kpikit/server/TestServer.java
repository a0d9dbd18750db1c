package dev.kpikit.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.kpikit.runner.schedule.SecretRoots;
import dev.kpikit.runner.schedule.StoreSettings;
import dev.kpikit.server.auth.Role;
import dev.kpikit.server.auth.UsersFile;

/**
 * One real server for every test class of this JVM (BIRT's platform is global): the repository's
 * reports and sample data, three users, a schedules file whose mail goes to GreenMail, an H2 store
 * in a temporary folder.
 */
final class TestServer {

    static final String ADMIN = "ada";
    static final String OPERATOR = "otto";
    static final String VIEWER = "vera";
    /** A viewer that one test locks out with failed logins. */
    static final String LOCKED_OUT = "lou";
    static final String PASSWORD = "correct horse battery";
    static final String SCHEDULE = "startup-weekly";
    /** A schedule whose report cannot render: its data folder has no tables. */
    static final String BROKEN = "empty-folder";

    private static TestServer instance;

    final ReportServer server;
    final GreenMail mail;
    final Path folder;
    final Path home;

    private TestServer(ReportServer server, GreenMail mail, Path folder, Path home) {
        this.server = server;
        this.mail = mail;
        this.folder = folder;
        this.home = home;
    }

    static synchronized TestServer get() throws Exception {
        if (instance == null) {
            Path home = Path.of(System.getProperty("kpikit.home", "..")).toAbsolutePath().normalize();
            Path folder = Files.createTempDirectory("kpikit-server-test-");
            int smtpPort;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                smtpPort = free.getLocalPort();
            }
            GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            UsersFile users = UsersFile.read(folder.resolve("users.yaml"));
            users.put(ADMIN, Role.ADMIN, PASSWORD);
            users.put(OPERATOR, Role.OPERATOR, PASSWORD);
            users.put(VIEWER, Role.VIEWER, PASSWORD);
            users.put(LOCKED_OUT, Role.VIEWER, PASSWORD);
            // the data root: a copy of the samples beside a folder without tables, as a schedule may name only
            // data folders under the server's data root
            Path dataRoot = folder.resolve("data");
            copyFolder(home.resolve("sample-data"), dataRoot);
            Path emptyData = Files.createDirectories(dataRoot.resolve("empty-data"));
            Path config = folder.resolve("schedules.yaml");
            Files.writeString(config, """
                    smtp:
                      host: 127.0.0.1
                      port: %d
                      from: "kpikit reports <reports@example.com>"
                    runner:
                      threads: 1
                    schedules:
                      - id: %s
                        template: %s
                        parameters:
                          dataFolder: %s
                        asOf: end of last month
                        formats: [pdf]
                        cron: "0 0 8 ? * MON"
                        timeZone: Europe/Oslo
                        to: ["ceo@example.com"]
                        subject: "{title} - {period}"
                      - id: %s
                        template: %s
                        parameters:
                          dataFolder: %s
                        formats: [pdf]
                        cron: "0 0 8 1 1 ?"
                        timeZone: UTC
                        to: ["cfo@example.com"]
                        retry: {attempts: 1}
                    """.formatted(smtpPort, SCHEDULE, home.resolve("report-templates/kpi-basics.rptdesign"),
                    dataRoot.resolve("startup"), BROKEN, home.resolve("report-templates/kpi-basics.rptdesign"),
                    emptyData));
            ReportServer server = ReportServer.start(new ReportServer.Options("127.0.0.1", 0, home.resolve("report-templates"),
                    dataRoot, folder.resolve("users.yaml"), config, SecretRoots.DEFAULTS,
                    StoreSettings.h2(folder.resolve("store")), null, 2, 50, folder.resolve("deliveries"), 30));
            instance = new TestServer(server, mail, folder, home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                mail.stop();
            }));
        }
        return instance;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A client without a session: follows no redirect, so tests see the 302s. */
    static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    HttpResponse<byte[]> get(HttpClient client, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client logged in as {@code user} through the login form. */
    HttpClient loggedIn(String user) throws IOException, InterruptedException {
        HttpClient client = client();
        HttpResponse<String> login = post(client, "/login", "username=" + user + "&password=" + encode(PASSWORD));
        if (login.statusCode() != 303) {
            throw new IllegalStateException("login of " + user + " answered " + login.statusCode());
        }
        return client;
    }

    /** The CSRF token of the forms of a page. */
    String csrf(HttpClient client, String page) throws IOException, InterruptedException {
        String html = new String(get(client, page).body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void copyFolder(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
