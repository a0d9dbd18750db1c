package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.kpikit.runner.engine.SharedEngine;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A runner in this JVM (Quartz on an H2 file, the real BIRT engine) mailing to GreenMail on
 * loopback: a schedule fires, the message arrives as a manager would read it.
 */
class ScheduledDeliveryTest extends MailedRunnerTest {

    private ScheduleRunner start(String yaml, int smtpPort) throws Exception {
        // a test of deliveries, not of roots: its broken template and empty data folder are in a temp folder
        Path anywhere = folder.getRoot();
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml), ScheduleRoots.of(anywhere, anywhere));
        return startRunner(schedules);
    }

    static dev.kpikit.runner.engine.KpikitEngine engine() {
        try {
            return SharedEngine.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScheduleFiresAndTheManagerReceivesPdfAndHeadlineKpis() throws Exception {
        SharedEngine.get();  // started before the fire time, so the fire is on time
        int port = greenMail.getSmtp().getPort();
        Instant at = TestSchedules.inSeconds(4);
        String extra = "    cc: [\"cfo@kpikit.test\"]\n    bcc: [\"archive@kpikit.test\"]\n"
                + "    formats: [pdf, xlsx]\n    locale: en-GB\n";
        start(TestSchedules.file(port, TestSchedules.fastRunner(2),
                TestSchedules.schedule("weekly-startup", TestSchedules.cronAt(at), "ceo@kpikit.test",
                        TestSchedules.TEMPLATE, extra)), port);

        awaitMessages(greenMail, 3);  // one copy each for to, cc and bcc
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertEquals(List.of("ceo@kpikit.test"), addresses(message.getRecipients(Message.RecipientType.TO)));
        assertEquals(List.of("cfo@kpikit.test"), addresses(message.getRecipients(Message.RecipientType.CC)));
        assertEquals(null, message.getHeader("Bcc"), "Bcc is not shown to recipients");
        assertEquals(3, greenMail.getReceivedMessages().length);

        LocalDate asOf = LocalDate.ofInstant(at, ZoneId.of("Europe/Oslo")).withDayOfMonth(1).minusDays(1);
        String period = java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", Locale.UK).format(asOf);
        assertEquals("Revenue growth and concentration - " + period + ": revenue 63,850.00", message.getSubject());

        Parts parts = Parts.of(message);
        assertTrue(parts.text.contains("Revenue this month") && parts.text.contains("63,850.00"), parts.text);
        assertTrue(parts.text.contains("Concentration (HHI)") && parts.text.contains("5,276"), parts.text);
        assertTrue(parts.html.contains("<td style=\"padding:2px 0;text-align:right;font-weight:bold\">63,850.00</td>"), parts.html);
        assertTrue(parts.html.contains("cid:kpis@kpikit"), "the KPI image is referenced inline");
        assertNotNull(parts.inlineImage, "the KPI image travels inline");
        assertTrue(parts.inlineImage.length > 500 && parts.inlineImage[1] == 'P', "a PNG");

        String pdfName = "revenue-growth-and-concentration_" + asOf + ".pdf";
        assertTrue(parts.attachments.containsKey(pdfName), "attachments: " + parts.attachments.keySet());
        assertTrue(parts.attachments.containsKey(pdfName.replace(".pdf", ".xlsx")), "attachments: " + parts.attachments.keySet());
        try (PDDocument pdf = Loader.loadPDF(parts.attachments.get(pdfName))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll(" +", " ");
            assertTrue(text.contains("Total 63,850.00"), text);
            assertTrue(text.contains("Revenue concentration (HHI) 5,276"), text);
            assertTrue(text.contains("Client A 41,000.00 45,100.00 10.0% 70.6%"), text);
        }

        DeliveryRecord record = awaitFinal("weekly-startup");
        assertEquals(DeliveryStatus.SENT, record.status());
        assertEquals(1, record.attempts());
        assertEquals(message.getMessageID(), record.messageId());
        assertEquals(at, record.fireTime());
        assertTrue(record.recipients().contains("bcc: archive@kpikit.test"), record.recipients());
        assertTrue(record.files().contains(pdfName + " ("), record.files());
        assertTrue(record.finished() != null && !record.late());
    }

    @Test
    void aTemplateThatFailsIsRecordedAsFailedOthersStillDeliverAndAnEmptyReportIsSkipped() throws Exception {
        SharedEngine.get();
        Path broken = folder.resolve("broken.rptdesign");
        Files.writeString(broken, "<?xml version=\"1.0\"?><report xmlns=\"http://www.eclipse.org/birt/2005/design\">"
                + "<body><table><oops/></body></report>");
        Path empty = Files.createDirectories(folder.resolve("empty-data"));
        Files.writeString(empty.resolve("account_revenue.csv"), "account_id,name,segment,revenue_previous,revenue_current\n");
        int port = greenMail.getSmtp().getPort();
        String cron = TestSchedules.cronAt(TestSchedules.inSeconds(4));
        start(TestSchedules.file(port, TestSchedules.fastRunner(2),
                TestSchedules.schedule("broken", cron, "a@kpikit.test", broken.toString(), "")
                        + TestSchedules.schedule("good", cron, "b@kpikit.test")
                        + TestSchedules.schedule("no-data", cron, "c@kpikit.test").replace(TestSchedules.DATA, empty.toString())
                        + "    skipWhenNoData: true\n"), port);

        DeliveryRecord failed = awaitFinal("broken");
        DeliveryRecord good = awaitFinal("good");
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("render failed: ") && failed.error().contains("broken.rptdesign"), failed.error());
        assertEquals(0, failed.attempts(), "nothing was sent");
        assertEquals(DeliveryStatus.SENT, good.status());
        DeliveryRecord skipped = awaitFinal("no-data");
        assertEquals(DeliveryStatus.SKIPPED, skipped.status(), String.valueOf(skipped.error()));
        assertEquals("no data", skipped.note());
        awaitMessages(greenMail, 2);
        List<String> to = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            to.add(m.getRecipients(Message.RecipientType.TO)[0].toString() + " " + m.getSubject());
        }
        assertTrue(to.stream().anyMatch(s -> s.startsWith("b@kpikit.test Revenue growth")), to.toString());
        assertTrue(to.stream().anyMatch(s -> s.equals("ops@kpikit.test kpikit: delivery of 'broken' failed")),
                "the owner is told: " + to);
        assertEquals(2, greenMail.getReceivedMessages().length, "nothing went to the broken schedule's recipients");
    }

    @Test
    void smtpDownForTheFirstAttemptsThenUpDeliversOnce() throws Exception {
        SharedEngine.get();
        greenMail.stop();
        int port = freePort();
        start(TestSchedules.file(port, TestSchedules.fastRunner(2),
                TestSchedules.schedule("retrying", TestSchedules.cronAt(TestSchedules.inSeconds(3)), "ceo@kpikit.test")), port);
        awaitAttempts("retrying", 2);  // two refused connections
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        greenMail.start();

        DeliveryRecord record = awaitFinal("retrying");
        assertEquals(DeliveryStatus.SENT, record.status(), String.valueOf(record.error()));
        assertTrue(record.attempts() >= 3, "attempts: " + record.attempts());
        Thread.sleep(1000);  // a duplicate would arrive now
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(record.messageId(), greenMail.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void aFireMissedWhileTheRunnerWasDownIsDeliveredOnceLate() throws Exception {
        SharedEngine.get();
        int port = greenMail.getSmtp().getPort();
        Instant at = TestSchedules.inSeconds(4);
        String yaml = TestSchedules.file(port, TestSchedules.fastRunner(2),
                TestSchedules.schedule("missed", TestSchedules.cronAt(at), "ceo@kpikit.test"));
        start(yaml, port);
        runner.close();  // down before the fire time
        runner = null;
        Thread.sleep(Duration.between(Instant.now(), at).toMillis() + 3_000);  // past the 2 s misfire threshold
        start(yaml, port);

        DeliveryRecord record = awaitFinal("missed");
        assertEquals(DeliveryStatus.SENT, record.status());
        assertTrue(record.late(), "recorded as late");
        assertEquals(at, record.nominalTime(), "reports on the missed slot");
        awaitMessages(greenMail, 1);
        Thread.sleep(500);
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    /**
     * A data folder of Excel "CSV" tables (windows-1252), as render reads with --encoding: a schedule's 'encoding' reads it
     * so in the report (through the data source) and in what sendWhen compares (read outside BIRT). Without it the
     * delivery fails saying the file is not UTF-8 and how to say its encoding, rather than mailing a garbled name.
     */
    @Test
    void aSchedulesEncodingReadsAWindows1252DataFolderInTheReportAndWhatSendWhenCompares() throws Exception {
        SharedEngine.get();
        Path data = Files.createDirectories(folder.resolve("cp1252"));
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".csv")) {
                    Files.write(data.resolve(file.getFileName()), Files.readString(file).replace("Client A", "Caf\u00e9 M\u00fcller")
                            .getBytes(cp1252));
                } else {
                    Files.copy(file, data.resolve(file.getFileName()));
                }
            }
        }
        int port = greenMail.getSmtp().getPort();
        String schedule = keyAccountsIn4Seconds(data) + "    owner: ops@kpikit.test\n";
        start(TestSchedules.file(port, TestSchedules.fastRunner(2),
                "  - id: read\n    to: [\"ceo@kpikit.test\"]\n    encoding: windows-1252\n" + schedule
                        + "  - id: unsaid\n    to: [\"cfo@kpikit.test\"]\n" + schedule), port);

        DeliveryRecord read = awaitFinal("read");
        assertEquals(DeliveryStatus.SENT, read.status(), String.valueOf(read.error()));
        DeliveryRecord unsaid = awaitFinal("unsaid");
        assertEquals(DeliveryStatus.FAILED, unsaid.status());
        assertTrue(unsaid.error().contains("accounts.csv, line 2, byte offset ") && unsaid.error().contains("the file is not UTF-8"
                + " text; save it as CSV UTF-8") && unsaid.error().endsWith("such as windows-1252 (the data source's 'encoding' property,"
                + " the command line's --encoding, a schedule's 'encoding')"), unsaid.error());
        awaitMessages(greenMail, 2); // the report, and the notice to the owner of the failed one
        List<MimeMessage> reports = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            List<String> to = addresses(m.getRecipients(Message.RecipientType.TO));
            assertTrue(!to.contains("cfo@kpikit.test"), "nothing garbled was sent");
            if (to.contains("ceo@kpikit.test")) {
                reports.add(m);
            }
        }
        assertEquals(1, reports.size());
        MimeMessage report = reports.get(0);
        assertEquals(List.of("ceo@kpikit.test"), addresses(report.getRecipients(Message.RecipientType.TO)));
        byte[] pdf = Parts.of(report).attachments.values().iterator().next();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll(" +", " ");
            assertTrue(text.contains("Caf\u00e9 M\u00fcller"), text);
            assertTrue(!text.contains("Caf\u00c3"), text);
        }
    }

    /**
     * A folder whose revenue.csv is separated by ';' with three decimals in every amount (9973.860): a point before three
     * digits may be a thousands separator, so it is refused until told; a schedule's 'decimalSeparator: point' tells it,
     * for the report and for what sendWhen reads.
     */
    @Test
    void aSchedulesDecimalSeparatorReadsThreeDecimalAmountsOfASemicolonTable() throws Exception {
        SharedEngine.get();
        Path data = Files.createDirectories(folder.resolve("dinars"));
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        // in hundreds, three decimals: 9973.86 is 99.739, which could be 99739 written with a thousands separator
        StringBuilder revenue = new StringBuilder();
        for (String line : Files.readAllLines(data.resolve("revenue.csv"))) {
            String[] cells = line.split(",");
            revenue.append(cells[0]).append(';').append(cells[1]).append(';').append(cells[2].equals("amount") ? "amount"
                    : new java.math.BigDecimal(cells[2]).movePointLeft(2).setScale(3, java.math.RoundingMode.HALF_UP)).append('\n');
        }
        Files.writeString(data.resolve("revenue.csv"), revenue);
        assertTrue(revenue.toString().contains("2024-11-07;C01;99.739\n"), revenue.substring(0, 200));
        int port = greenMail.getSmtp().getPort();
        String schedule = keyAccountsIn4Seconds(data);
        start(TestSchedules.file(port, TestSchedules.fastRunner(2),
                "  - id: point\n    to: [\"ceo@kpikit.test\"]\n    decimalSeparator: point\n" + schedule
                        + "  - id: unsaid\n    to: [\"cfo@kpikit.test\"]\n" + schedule), port);

        DeliveryRecord point = awaitFinal("point");
        assertEquals(DeliveryStatus.SENT, point.status(), String.valueOf(point.error()));
        DeliveryRecord unsaid = awaitFinal("unsaid");
        assertEquals(DeliveryStatus.FAILED, unsaid.status());
        assertTrue(unsaid.error().contains("revenue.csv, line 2, column 'amount' (3): '99.739' could be 99.739 or 99739"),
                unsaid.error());
        awaitMessages(greenMail, 1);
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(1, messages.length);
        assertEquals(List.of("ceo@kpikit.test"), addresses(messages[0].getRecipients(Message.RecipientType.TO)));
        try (PDDocument document = Loader.loadPDF(Parts.of(messages[0]).attachments.values().iterator().next())) {
            String text = new PDFTextStripper().getText(document).replaceAll(" +", " ");
            assertTrue(text.contains("1 Client A 5,584 42.9%"), text); // 558,447 in the sample, in hundreds
        }
    }

    private DeliveryRecord awaitFinal(String scheduleId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            for (DeliveryRecord r : runner.store().all()) {
                if (r.scheduleId().equals(scheduleId) && r.status().isFinal()) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(scheduleId + " did not finish: " + runner.store().all());
    }

    private void awaitAttempts(String scheduleId, int attempts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (DeliveryRecord r : runner.store().all()) {
                if (r.scheduleId().equals(scheduleId) && r.attempts() >= attempts) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(scheduleId + " made no " + attempts + " attempts: " + runner.store().all());
    }

    /** GreenMail keeps one copy per recipient; waits until {@code n} copies are there. */
    static void awaitMessages(GreenMail mail, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mail.getReceivedMessages().length < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(mail.getReceivedMessages().length >= n, "expected " + n + " message copies, got " + mail.getReceivedMessages().length);
    }

    static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The text, HTML, inline image and attachments of a received message. */
    static final class Parts {
        String text = "";
        String html = "";
        byte[] inlineImage;
        final java.util.Map<String, byte[]> attachments = new java.util.LinkedHashMap<>();

        static Parts of(Part message) throws Exception {
            Parts parts = new Parts();
            parts.walk(message);
            return parts;
        }

        private void walk(Part part) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.put(part.getFileName(), bytes(part));
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("image/png") && part instanceof BodyPart) {
                inlineImage = bytes(part);
            }
        }

        private static byte[] bytes(Part part) throws Exception {
            try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }

    /** A schedule's fields but its id and recipients: key-accounts on {@code data} in 4 seconds, sent when they changed. */
    private static String keyAccountsIn4Seconds(Path data) {
        return "    template: " + SharedEngine.template("key-accounts.rptdesign") + "\n"
                + "    parameters: {dataFolder: \"" + data + "\"}\n"
                + "    cron: \"" + TestSchedules.cronAt(TestSchedules.inSeconds(4)) + "\"\n    timeZone: Europe/Oslo\n"
                + "    sendWhen: [key-accounts-changed]\n    retry: {attempts: 1}\n";
    }
}
