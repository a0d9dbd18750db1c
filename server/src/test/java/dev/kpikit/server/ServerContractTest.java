package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scripts' contract of the README, over HTTP: health, login redirects, basic auth, report runs, 404 for other files. */
class ServerContractTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void healthAnswersWithoutLoginAndWithoutDetails() throws Exception {
        HttpResponse<byte[]> health = server.get(TestServer.client(), "/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", text(health));
        assertEquals(200, server.get(TestServer.client(), "/health/ready").statusCode());
    }

    @Test
    void anyOtherPageWithoutSessionRedirectsToLogin() throws Exception {
        for (String path : List.of("/reports", "/schedules", "/deliveries", "/metrics", "/reports/startup/run?format=pdf")) {
            HttpResponse<byte[]> response = server.get(TestServer.client(), path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/login"), path);
        }
    }

    @Test
    void wrongBasicAuthIs401NotARedirect() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(), "/reports/startup/run?format=pdf",
                "Authorization", TestServer.basic(TestServer.VIEWER, "wrong password"));
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void runAsPdfWithBasicAuthShowsTheAsOfDateAsked() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(),
                "/reports/startup/run?format=pdf&asOf=2026-09-30&dataFolder=startup",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("As of September 30, 2026"), text.substring(0, 200));
            assertTrue(text.contains("Headline KPIs"));
        }
    }

    @Test
    void runAsXlsxGivesTheReportsSheets() throws Exception {
        List<Path> before = renderFolders(); // another server's leftovers, if any, are not this test's
        HttpResponse<byte[]> response = server.get(TestServer.client(), "/reports/startup/run?format=xlsx&asOf=2026-09-30",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals(200, response.statusCode(), () -> text(response));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("startup.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertEquals("Headline KPIs", workbook.getSheetAt(0).getSheetName());
            assertEquals("Key accounts", workbook.getSheetAt(1).getSheetName());
        }
        // the file was streamed from the render's folder, gone once sent
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!renderFolders().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, renderFolders());
    }

    /** The renders' folders in the servers' work folders (kpikit-serve-*), in the temporary folder. */
    private static List<Path> renderFolders() throws Exception {
        List<Path> found = new java.util.ArrayList<>();
        try (var works = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path work : works.filter(f -> f.getFileName().toString().startsWith("kpikit-serve-")).toList()) {
                try (var renders = Files.list(work)) {
                    renders.filter(f -> f.getFileName().toString().startsWith("render-")).sorted().forEach(found::add);
                }
            }
        }
        return found;
    }

    @Test
    void aBadParameterValueIsRefusedWithTheCliMessage() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(), "/reports/startup/run?format=pdf&asOf=30.09.2026",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals(400, response.statusCode());
        assertEquals("startup, parameter 'asOf': '30.09.2026' is not a date; expected a date yyyy-MM-dd", text(response));
    }

    /** A value given twice was taken once and the other dropped: a script asking two periods got one without a word. */
    @Test
    void aParameterGivenTwiceWithTwoValuesIsRefused() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(),
                "/reports/startup/run?format=pdf&dataFolder=startup&asOf=2026-09-30&asOf=2025-12-31",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals(400, response.statusCode());
        assertEquals("startup: parameter 'asOf' is given 2 times, as '2026-09-30' and '2025-12-31'; give it once", text(response));
        HttpResponse<byte[]> formats = server.get(TestServer.client(), "/reports/startup/run?format=pdf&format=xlsx",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals("startup: parameter 'format' is given 2 times, as 'pdf' and 'xlsx'; give it once", text(formats));
    }

    /** HEAD was answered 200 for any path of a GET route, without running it: a report that is not there, a bad format. */
    @Test
    void headIsAnsweredWithTheStatusAndHeadersOfGet() throws Exception {
        String auth = TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD);
        java.util.function.Function<String, HttpResponse<byte[]>> head = path -> {
            try {
                return TestServer.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(404, head.apply("/reports/no-such-report/run?format=pdf").statusCode());
        assertEquals(400, head.apply("/reports/startup/run?format=docx").statusCode());
        HttpResponse<byte[]> pdf = head.apply("/reports/startup/run?format=pdf&dataFolder=startup&asOf=2026-09-30");
        assertEquals(200, pdf.statusCode());
        assertEquals(List.of("application/pdf", "attachment; filename=\"startup.pdf\""), List.of(
                pdf.headers().firstValue("Content-Type").orElse(""), pdf.headers().firstValue("Content-Disposition").orElse("")));
        assertEquals(0, pdf.body().length);
    }

    /** A data root gone while the server runs (a share unmounted) was 500 "The server failed" and a stack trace per request. */
    @Test
    void aDataRootGoneWhileTheServerRunsIs503SayingSo() throws Exception {
        Path data = server.folder.resolve("data");
        Path away = server.folder.resolve("data-unmounted");
        Files.move(data, away);
        try {
            for (String path : List.of("/reports/startup/run?format=pdf&dataFolder=startup", "/accounts")) {
                HttpResponse<byte[]> response = server.get(TestServer.client(), path,
                        "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
                assertEquals(503, response.statusCode(), path);
                assertEquals("the data folder of this server is not there now (a share not mounted, a folder moved?); try again"
                        + " when it is back", text(response), path);
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), path);
            }
        } finally {
            Files.move(away, data);
        }
        assertEquals(200, server.get(TestServer.client(), "/reports/startup/run?format=pdf&dataFolder=startup",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD)).statusCode());
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheReportsParameters() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(), "/reports/startup/run?format=pdf&region=north",
                "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
        assertEquals(400, response.statusCode());
        assertEquals("startup has no parameter 'region'; its parameters are [dataFolder, asOf, periodLength]", text(response));
    }

    @Test
    void aNameThatIsNotAReportUnderTheReportsFolderIs404HoweverEncoded() throws Exception {
        HttpClient client = TestServer.client();
        for (String name : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd",
                "..%5C..%5Cetc%5Cpasswd", "%2Fetc%2Fpasswd", "..", "%2e%2e", "kpikit.rptlibrary", "startup.rptdesign",
                "designer-templates", "startup%00", "no-such-report")) {
            HttpResponse<byte[]> response = server.get(client, "/reports/" + name + "/run?format=pdf",
                    "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, name + " answered " + response.statusCode());
            assertFalse(text(response).contains("root:"), name);
        }
    }

    @Test
    void aDataFolderOutsideTheDataRootIs404() throws Exception {
        for (String folder : List.of("..", "../..", "/etc", "..%2F..%2Fetc", "startup/../..", "%2e%2e")) {
            HttpResponse<byte[]> response = server.get(TestServer.client(), "/reports/startup/run?format=pdf&dataFolder="
                    + TestServer.encode(folder), "Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD));
            assertEquals(404, response.statusCode(), folder);
            assertTrue(text(response).startsWith("startup: no data folder"), text(response));
        }
    }

    @Test
    void aLargeFolderShowsItsBestScoredAccountsAndCountsThemAll() throws Exception {
        // 1,200 accounts: the page shows the best 1,000 and says so; the workbook has them all
        Path many = server.folder.resolve("data").resolve("many-accounts");
        Files.createDirectories(many);
        StringBuilder accounts = new StringBuilder("account_id,name,segment,strategic_value\n");
        StringBuilder revenue = new StringBuilder("date,account_id,amount\n");
        for (int i = 0; i < 1_200; i++) {
            accounts.append(String.format("M%04d,Account %d,SMB,%d%n", i, i, 1 + i % 5));
            revenue.append(String.format("2026-0%d-15,M%04d,%d.%02d%n", 1 + i % 9, i, 100 + i, i % 100));
        }
        Files.writeString(many.resolve("accounts.csv"), accounts);
        Files.writeString(many.resolve("revenue.csv"), revenue);
        try {
            HttpClient viewer = server.loggedIn(TestServer.VIEWER);
            String page = text(server.get(viewer, "/accounts?data=many-accounts&asOf=2026-10-31&period=YEAR"));
            assertTrue(page.contains("1,200 accounts as of 2026-10-31"), page);
            assertTrue(page.contains("The 1,000 highest-scored accounts are shown here; the workbook has every account."), page);
            String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
            assertEquals(1_000, body.split("<tr>", -1).length - 1);
            // find looks through all 1,200, not only the 1,000 shown: the lowest-ranked account is found by its id
            java.util.regex.Matcher last = java.util.regex.Pattern.compile("<td>(\\d+)</td><td>Account (\\d+)</td>").matcher(body);
            java.util.Set<String> shown = new java.util.HashSet<>();
            while (last.find()) {
                shown.add(last.group(2));
            }
            int hidden = java.util.stream.IntStream.range(0, 1_200).filter(i -> !shown.contains(String.valueOf(i))).findFirst().orElseThrow();
            String found = text(server.get(viewer, "/accounts?data=many-accounts&asOf=2026-10-31&period=YEAR&find="
                    + String.format("m%04d", hidden)));
            assertTrue(found.contains("1 of the 1,200 accounts have &#39;m" + String.format("%04d", hidden) + "&#39; in their id or name.")
                    || found.contains("1 of the 1,200 accounts have 'm" + String.format("%04d", hidden) + "' in their id or name."), found);
            String foundBody = found.substring(found.indexOf("<tbody>"), found.indexOf("</tbody>"));
            assertEquals(1, foundBody.split("<tr>", -1).length - 1);
            assertTrue(foundBody.contains("<td>Account " + hidden + "</td>"), foundBody);
            assertTrue(!found.contains("id=\"shown\""), "all the accounts found are shown");
        } finally {
            for (String file : List.of("accounts.csv", "revenue.csv")) {
                Files.deleteIfExists(many.resolve(file));
            }
            Files.deleteIfExists(many);
        }
    }

    @Test
    void keyAccountsPageShowsEachAccountsScoreTierAndPoints() throws Exception {
        HttpClient viewer = server.loggedIn(TestServer.VIEWER);
        String page = text(server.get(viewer, "/accounts?data=startup&asOf=2026-10-31&period=YEAR"));
        assertTrue(page.contains("40 accounts as of 2026-10-31, YEAR to date, model 'kpikit default'."), page);
        // the README's sample: Client A KEY with 43% of revenue; Harbor Freight STANDARD with 11.5%
        assertTrue(page.matches("(?s).*<td>1</td><td>Client A</td>.*?<td class=\"tier\">KEY</td>.*"), "Client A first and KEY");
        assertTrue(page.contains("KEY: 43% of revenue"), page);
        assertTrue(page.matches("(?s).*<td>Harbor Freight</td>.*?<td class=\"tier\">STANDARD</td>.*"), "Harbor Freight stays STANDARD");
        HttpResponse<byte[]> workbook = server.get(viewer, "/accounts/workbook?data=startup&asOf=2026-10-31&period=YEAR");
        assertEquals(200, workbook.statusCode());
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertEquals("Model", xlsx.getSheetAt(0).getSheetName());
            assertTrue(xlsx.getSheet("Accounts") != null);
        }
        // the workbook was streamed from a file of its own, gone once sent
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!workbookFiles().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), workbookFiles());
        assertEquals(404, server.get(viewer, "/accounts/workbook?data=..%2F..").statusCode());
        HttpResponse<byte[]> badDate = server.get(viewer, "/accounts/workbook?data=startup&asOf=31.10.2026&period=YEAR");
        assertEquals(400, badDate.statusCode());
        assertEquals("asOf: '31.10.2026' is not a date; expected a date yyyy-MM-dd", text(badDate));
        assertEquals(List.of(), workbookFiles(), "no file left by a refusal");
    }

    /** Scoring workbooks being written or sent, in the temporary folder. */
    private static List<Path> workbookFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(dev.kpikit.server.web.WebServer.WORKBOOK_PREFIX)).toList();
        }
    }

    @Test
    void metricsAreInPrometheusFormat() throws Exception {
        HttpResponse<byte[]> response = server.get(TestServer.client(), "/metrics",
                "Authorization", TestServer.basic(TestServer.ADMIN, TestServer.PASSWORD));
        assertEquals(200, response.statusCode());
        String text = text(response);
        assertTrue(text.contains("# TYPE kpikit_deliveries gauge"), text);
        assertTrue(text.contains("kpikit_deliveries{state=\"FAILED\"} "), text);
        assertTrue(text.contains("kpikit_render_queue_length 0"), text);
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"} "), text);
    }
}
