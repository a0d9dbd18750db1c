package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.SmtpTransport;

/**
 * Destinations besides mail, with real parts: a temporary folder, the JDK's HTTP server as the chat's incoming
 * webhook (the JSON it receives is parsed and checked), GreenMail, an H2 store, the real BIRT engine.
 */
class DestinationsTest {

    @TempDir
    Path folder;
    GreenMail greenMail;
    HttpServer chat;
    final List<String> posts = new CopyOnWriteArrayList<>();
    volatile int chatStatus = 200;
    /** How many posts the chat refuses (503) before it answers with chatStatus. */
    final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
    Path data;
    Path share;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = refusals.getAndDecrement() > 0 ? 503 : chatStatus;
            byte[] answer = (status == 200 ? "ok" : "service unavailable").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        chat.start();
        data = folder.resolve("data/startup");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        share = Files.createDirectories(folder.resolve("share"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        chat.stop(0);
        greenMail.stop();
    }

    private String hook() {
        return "http://127.0.0.1:" + chat.getAddress().getPort() + "/hook";
    }

    private DeliveryService service(String id, String extra) throws Exception {
        String yaml = "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  from: reports@kpikit.test\n"
                + "schedules:\n  - id: " + id + "\n    template: " + TestSchedules.TEMPLATE + "\n"
                + "    parameters: {dataFolder: \"" + data + "\"}\n"
                + "    cron: \"0 0 8 * * ?\"\n    timeZone: Europe/Oslo\n"
                + "    headline:\n"
                + "      - {name: revenue, label: Revenue this month, item: accounts, column: total_current, format: \"#,##0.00\"}\n"
                + "      - {name: hhi, label: Concentration (HHI), item: accounts, column: hhi, format: \"#,##0\"}\n" + extra;
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml),
                ScheduleRoots.of(SharedEngine.home().resolve(ScheduleRoots.REPORTS_FOLDER), folder.resolve("data")));
        StoreDatabase database = StoreDatabase.open(StoreSettings.h2(folder.resolve("store")), 3);
        open.add(database);
        DeliveryStore store = new DeliveryStore(database.dataSource(), Duration.ofSeconds(30), Clock.systemUTC());
        LeaseKeeper leases = new LeaseKeeper(store, Duration.ofSeconds(5));
        open.add(leases);
        return new DeliveryService(() -> schedules, store, leases, new BirtReportRenderer(ScheduledDeliveryTest::engine),
                new SmtpTransport(schedules.smtp().orElseThrow()), "reports@kpikit.test", "test", Clock.systemUTC(),
                NextAttempts.IN_THIS_THREAD, false);
    }

    private static DeliveryRecord fire(DeliveryService service, String id, int day) throws Exception {
        Instant at = SendWhenTest.NOV_5.plus(Duration.ofDays(day));
        return service.deliver(new Fire(id, at, at, false, false));
    }

    private List<String> shareFiles() throws IOException {
        try (Stream<Path> files = Files.list(share)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderGetsFilesNamedAfterTitleAsOfDateAndSequenceAndOldOnesGo() throws Exception {
        Path old = Files.writeString(share.resolve("revenue-growth-and-concentration_2026-08-31_001.pdf"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Path foreign = Files.writeString(share.resolve("notes.txt"), "not ours");
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        DeliveryService service = service("share", "    formats: [pdf, xlsx]\n"
                + "    destinations: {folder: \"" + share + "\", keepDays: 30}\n");

        DeliveryRecord first = fire(service, "share", 0);
        DeliveryRecord second = fire(service, "share", 1);

        assertEquals(List.of(DeliveryStatus.SENT, DeliveryStatus.SENT), List.of(first.status(), second.status()));
        assertEquals(List.of("notes.txt", "revenue-growth-and-concentration_2026-10-31_001.pdf",
                "revenue-growth-and-concentration_2026-10-31_001.xlsx", "revenue-growth-and-concentration_2026-10-31_002.pdf",
                "revenue-growth-and-concentration_2026-10-31_002.xlsx"), shareFiles(), "no temporary file left, the old one removed");
        byte[] pdf = Files.readAllBytes(share.resolve("revenue-growth-and-concentration_2026-10-31_002.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(0, greenMail.getReceivedMessages().length, "no recipients: no mail");
        assertEquals("folder SENT (revenue-growth-and-concentration_2026-10-31_002.pdf, "
                + "revenue-growth-and-concentration_2026-10-31_002.xlsx)", second.note());
    }

    @Test
    void aSlackWebhookGetsTheHeadlineKpisAndWhatChanged() throws Exception {
        String revenue = Files.readString(data.resolve("metrics.csv")).replace("2026-10-01,125758.90,", "2026-10-01,98000.00,");
        Files.writeString(data.resolve("metrics.csv"), revenue);
        DeliveryService service = service("chat", "    to: [\"ceo@kpikit.test\"]\n    sendWhen: [kpi-off-target]\n"
                + "    destinations: {webhook: \"" + hook() + "\"}\n");

        DeliveryRecord row = fire(service, "chat", 0);

        assertEquals(DeliveryStatus.SENT, row.status(), String.valueOf(row));
        assertEquals(1, greenMail.getReceivedMessages().length, "mail as well: there are recipients");
        assertEquals(1, posts.size());
        JsonNode json = new ObjectMapper().readTree(posts.get(0));
        String change = "Revenue is red: 98,000 against a target of 125,000";
        assertEquals("Revenue growth and concentration - October 2026: " + change, json.get("text").asText());
        assertEquals("Revenue growth and concentration - October 2026", json.at("/blocks/0/text/text").asText());
        assertTrue(json.at("/blocks/1/text/text").asText().startsWith(change), json.toString());
        assertEquals("*Revenue this month*\n63,850.00", json.at("/blocks/2/fields/0/text").asText());
        assertEquals("*Concentration (HHI)*\n5,276", json.at("/blocks/2/fields/1/text").asText());
    }

    @Test
    void aTeamsWebhookGetsAMessageCardWithTheKpisAsFactsAndALinkToTheReportServer() throws Exception {
        DeliveryService service = service("teams", "    destinations: {webhook: \"" + hook() + "\", webhookFormat: teams,"
                + " reportServer: \"https://reports.example.com/\"}\n");

        DeliveryRecord row = fire(service, "teams", 0);

        assertEquals(DeliveryStatus.SENT, row.status(), String.valueOf(row));
        JsonNode json = new ObjectMapper().readTree(posts.get(0));
        assertEquals("MessageCard", json.get("@type").asText());
        assertEquals("Revenue growth and concentration - October 2026", json.get("title").asText());
        assertEquals("Revenue this month", json.at("/sections/0/facts/0/name").asText());
        assertEquals("63,850.00", json.at("/sections/0/facts/0/value").asText());
        assertEquals("https://reports.example.com/deliveries/pdf?schedule=teams&fire=" + row.fireTime().toEpochMilli(),
                json.at("/potentialAction/0/targets/0/uri").asText());
    }

    @Test
    void aChatOutageIsRecordedOnItsOwnAndDoesNotResendTheMail() throws Exception {
        chatStatus = 503;
        DeliveryService service = service("outage", "    to: [\"ceo@kpikit.test\"]\n    retry: {attempts: 1}\n"
                + "    destinations: {webhook: \"" + hook() + "\"}\n");

        DeliveryRecord row = fire(service, "outage", 0);
        chatStatus = 200;
        DeliveryRecord again = fire(service, "outage", 0);

        assertEquals(DeliveryStatus.SENT, row.status(), "the mail went out");
        assertEquals("webhook FAILED: HTTP 503 from 127.0.0.1: service unavailable", row.note());
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(DeliveryStatus.SENT, again.status());
        assertEquals(1, greenMail.getReceivedMessages().length, "the same fire again: not resent");
        StoreDatabase database = (StoreDatabase) open.get(0);
        List<DestinationStore.Outcome> outcomes = new DestinationStore(database.dataSource()).of("outage", row.fireTime());
        assertEquals(1, outcomes.size());
        assertEquals(DeliveryStatus.FAILED, outcomes.get(0).status());
        assertEquals(1, outcomes.get(0).attempts());
    }

    @Test
    void aWebhookIsRetriedOnItsOwnUntilTheChatIsBackAndTheMailGoesOnce() throws Exception {
        refusals.set(2);
        DeliveryService service = service("back", "    to: [\"ceo@kpikit.test\"]\n"
                + "    retry: {attempts: 4, initialDelay: 200ms, multiplier: 1, maxDelay: 1s}\n"
                + "    destinations: {webhook: \"" + hook() + "\"}\n");

        DeliveryRecord row = fire(service, "back", 0);

        assertEquals(DeliveryStatus.SENT, row.status());
        assertEquals(1, greenMail.getReceivedMessages().length, "the mail once, whatever the chat does");
        assertEquals(3, posts.size(), "two refused, the third taken");
        StoreDatabase database = (StoreDatabase) open.get(0);
        DestinationStore.Outcome webhook = new DestinationStore(database.dataSource()).of("back", row.fireTime()).get(0);
        assertEquals(DeliveryStatus.SENT, webhook.status());
        assertEquals(3, webhook.attempts());
    }

    @Test
    void theWebhookUrlMayComeFromAFileAndIsNeverShown() throws Exception {
        Path secret = Files.writeString(folder.resolve("chat-webhook"), hook() + "\n");
        DeliveryService service = service("secret", "    destinations: {webhookFile: \"" + secret + "\"}\n");

        DeliveryRecord row = fire(service, "secret", 0);

        assertEquals(DeliveryStatus.SENT, row.status(), String.valueOf(row));
        assertEquals(1, posts.size());
        assertEquals("webhook: file " + secret, row.recipients(), "where it comes from, not the URL");
    }

    @Test
    void aWebhookVariableThatIsNotSetFailsTheWebhookOnlyNamingTheVariable() throws Exception {
        DeliveryService service = service("unset", "    to: [\"ceo@kpikit.test\"]\n    retry: {attempts: 1}\n"
                + "    destinations: {webhookEnv: KPIKIT_TEST_WEBHOOK_NOT_SET}\n");

        DeliveryRecord row = fire(service, "unset", 0);

        assertEquals(DeliveryStatus.SENT, row.status(), "the mail went out");
        assertEquals("webhook FAILED: the webhook variable KPIKIT_TEST_WEBHOOK_NOT_SET is not set", row.note());
        assertEquals(0, posts.size());
    }

    @Test
    void aRunnerRetriesTheWebhookWithATriggerOfItsOwn() throws Exception {
        SharedEngine.get();
        refusals.set(1);
        Instant at = TestSchedules.inSeconds(4);
        String yaml = "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  from: reports@kpikit.test\n"
                + "runner:\n" + TestSchedules.fastRunner(2) + "\nschedules:\n  - id: runner\n    template: " + TestSchedules.TEMPLATE
                + "\n    parameters: {dataFolder: \"" + data + "\"}\n    cron: \"" + TestSchedules.cronAt(at) + "\"\n"
                + "    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n"
                + "    retry: {attempts: 3, initialDelay: 1s, multiplier: 1, maxDelay: 1s}\n"
                + "    destinations: {webhook: \"" + hook() + "\"}\n";
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml),
                ScheduleRoots.of(SharedEngine.home().resolve(ScheduleRoots.REPORTS_FOLDER), folder.resolve("data")));
        try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(folder.resolve("runner-store")),
                new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                "reports@kpikit.test")) {
            long until = System.currentTimeMillis() + 30_000;
            while (posts.size() < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertEquals(2, posts.size(), "refused once, then taken");
            assertEquals(1, greenMail.getReceivedMessages().length);
            DeliveryRecord row = runner.store().all().get(0);
            assertEquals(DeliveryStatus.SENT, row.status());
            DestinationStore.Outcome webhook = new DestinationStore(runner.store().dataSource()).of("runner", row.fireTime()).get(0);
            assertEquals(DeliveryStatus.SENT, webhook.status());
            assertEquals(2, webhook.attempts());
        }
    }
}
