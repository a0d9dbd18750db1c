package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import jakarta.mail.internet.MimeMessage;

/**
 * The server in Debian's headless Chromium (chromium and chromium-driver, installed by .ci/run): an
 * operator's day from login to logout, and what a viewer and a stranger are refused. Screenshots of
 * each page go to target/screenshots; with -Dkpikit.updateScreenshots=true also to docs/pictures
 * for the README.
 */
class BrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static TestServer server;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
        profile = Files.createTempDirectory("kpikit-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        org.apache.commons.io.FileUtils.deleteQuietly(profile.toFile());
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target/screenshots").resolve("server-" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("kpikit.updateScreenshots")) {
            Files.copy(shot, server.home.resolve("docs/pictures/server-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/reports"));
        waiting(10).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.id("login")).click();
        waiting(10).until(ExpectedConditions.urlContains("/reports"));
    }

    @Test
    void anOperatorRunsAReportPausesAScheduleRunsItNowAndLogsOut() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/reports"));
        waiting(10).until(ExpectedConditions.urlContains("/login"));
        screenshot("login");
        logIn(TestServer.ADMIN);
        assertTrue(browser.findElement(By.id("user")).getText().startsWith(TestServer.ADMIN));
        screenshot("reports");

        // the startup report with another as-of date: its KPI table in the page
        browser.findElement(By.cssSelector("#report-startup a")).click();
        WebElement asOf = browser.findElement(By.id("p-asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-09-30'", asOf);
        screenshot("report-form");
        browser.findElement(By.id("run")).click();
        waiting(60).until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
        assertTrue(browser.findElement(By.id("bookmarks")).getText().contains("Key accounts"));
        screenshot("report-run");
        String pdfLink = browser.findElement(By.id("download-pdf")).getAttribute("href");
        browser.switchTo().frame("report");
        String report = browser.findElement(By.tagName("body")).getText();
        assertTrue(report.contains("As of September 30, 2026"), report.substring(0, Math.min(300, report.length())));
        assertTrue(report.contains("Headline KPIs"));
        String september = septemberRevenue();
        assertTrue(report.contains(september), "September's revenue in the KPI table: " + september);
        browser.switchTo().defaultContent();
        // pages one by one: the next page, and a bookmark on it
        String firstPage = browser.findElement(By.id("page-number")).getText();
        assertTrue(firstPage.matches("Page 1 / \\d+"), firstPage);
        int pages = Integer.parseInt(firstPage.substring("Page 1 / ".length()));
        assertTrue(pages >= 2, firstPage);
        browser.findElement(By.id("next-page")).click();
        waiting(10).until(ExpectedConditions.textToBe(By.id("page-number"), "Page 2 / " + pages));
        browser.findElement(By.linkText("Headline KPIs")).click();
        waiting(10).until(ExpectedConditions.textToBe(By.id("page-number"), firstPage));
        browser.switchTo().frame("report");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains(september), "page 1 again, with the KPI table");
        browser.switchTo().defaultContent();

        // the PDF download, with the browser's session
        String session = browser.manage().getCookieNamed("kpikit_session").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink))
                .header("Cookie", "kpikit_session=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("As of September 30, 2026"));
            assertTrue(text.contains(september));
            assertEquals(pages, document.getNumberOfPages(), "the page shows the PDF's pages one by one");
        }

        // key accounts: the scored table, filtered in the page
        browser.findElement(By.linkText("Key accounts")).click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-09-30'", browser.findElement(By.id("asOf")));
        browser.findElement(By.id("score")).click();
        waiting(30).until(ExpectedConditions.urlContains("asOf=2026-09-30"));
        assertTrue(browser.findElement(By.id("model")).getText().startsWith("40 accounts as of 2026-09-30"),
                browser.findElement(By.id("model")).getText());
        screenshot("key-accounts");
        browser.findElement(By.id("filter")).sendKeys("Nordlys");
        java.util.List<WebElement> shown = browser.findElements(By.cssSelector("#accounts tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).getText().contains("KEY"), shown.get(0).getText());
        // find: the server looks through every account of the folder (a large folder shows only its best 1,000)
        browser.findElement(By.id("find")).sendKeys("harbor");
        browser.findElement(By.id("score")).click();
        waiting(30).until(ExpectedConditions.urlContains("find=harbor"));
        assertEquals("2 of the 40 accounts have 'harbor' in their id or name.", browser.findElement(By.id("found")).getText());
        java.util.List<WebElement> found = browser.findElements(By.cssSelector("#accounts tbody tr"));
        assertEquals(2, found.size());
        for (WebElement account : found) {
            assertTrue(account.getText().contains("Harbor"), account.getText());
        }
        assertEquals("harbor", browser.findElement(By.id("find")).getAttribute("value"), "the form keeps what was sought");

        // pause and resume: the state is the Quartz trigger's, kept in the store
        browser.findElement(By.linkText("Schedules")).click();
        By row = By.id("schedule-" + TestServer.SCHEDULE);
        assertEquals("active", browser.findElement(row).findElement(By.className("state")).getText());
        browser.findElement(row).findElement(By.className("pause")).click();
        waiting(10).until(ExpectedConditions.urlContains("notice=pause"));
        assertEquals("paused", browser.findElement(row).findElement(By.className("state")).getText());
        screenshot("schedules");
        browser.findElement(row).findElement(By.className("resume")).click();
        waiting(10).until(ExpectedConditions.urlContains("notice=resume"));
        assertEquals("active", browser.findElement(row).findElement(By.className("state")).getText());

        // run now: the delivery reaches the mail server and the history
        int before = server.mail.getReceivedMessages().length;
        browser.findElement(row).findElement(By.className("run-now")).click();
        waiting(10).until(ExpectedConditions.urlContains("notice=run"));
        assertTrue(server.mail.waitForIncomingEmail(90_000, before + 1), "the delivery reached GreenMail");
        MimeMessage message = server.mail.getReceivedMessages()[before];
        assertEquals("ceo@example.com", message.getAllRecipients()[0].toString());
        waiting(30).until(driver -> {
            driver.get(server.url("/deliveries?schedule=" + TestServer.SCHEDULE + "&state=SENT"));
            return !driver.findElements(By.cssSelector("tr.delivery.sent")).isEmpty();
        });
        String delivery = browser.findElement(By.cssSelector("tr.delivery.sent")).getText();
        assertTrue(delivery.contains("ceo@example.com"), delivery);
        assertTrue(delivery.contains(message.getMessageID()), "the Message-ID as sent: " + delivery);
        screenshot("deliveries");
        // the delivered PDF, kept to download again
        String keptLink = browser.findElement(By.cssSelector("tr.delivery.sent a.pdf")).getAttribute("href");
        HttpResponse<byte[]> kept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keptLink))
                .header("Cookie", "kpikit_session=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, kept.statusCode());
        byte[] attached = attachedPdf(message);
        org.junit.jupiter.api.Assertions.assertNotNull(attached, "the mail has the PDF attached");
        org.junit.jupiter.api.Assertions.assertArrayEquals(attached, kept.body(), "the kept PDF is the one sent");

        browser.findElement(By.id("logout")).click();
        waiting(10).until(ExpectedConditions.urlContains("/login"));
        browser.get(server.url("/schedules"));
        assertTrue(browser.getCurrentUrl().contains("/login"), "logged out: back to the login");
    }

    /** The PDF attached to a delivery mail. */
    private static byte[] attachedPdf(MimeMessage message) throws Exception {
        return findPdf((jakarta.mail.Multipart) message.getContent());
    }

    private static byte[] findPdf(jakarta.mail.Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                byte[] found = findPdf(nested);
                if (found != null) {
                    return found;
                }
            } else if (part.getContentType().toLowerCase().startsWith("application/pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        return null;
    }

    @Test
    void aViewerIsRefusedAnOperatorsAction() {
        logIn(TestServer.VIEWER);
        browser.get(server.url("/schedules"));
        assertTrue(browser.findElements(By.className("pause")).isEmpty(), "no pause button for a viewer");
        // the request a forged button would send, with the viewer's own session and CSRF token
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var csrf = document.querySelector('input[name=csrf]').value;
                fetch('/schedules/%s/pause', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'csrf=' + encodeURIComponent(csrf)}).then(function (r) { done(r.status); });
                """.formatted(TestServer.SCHEDULE));
        assertEquals(403L, status);
    }

    @Test
    void aRequestForEtcPasswdIsRefused() {
        logIn(TestServer.VIEWER);
        browser.get(server.url("/reports/..%2F..%2F..%2Fetc%2Fpasswd/run?format=html"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertEquals("Not found", page);
        browser.get(server.url("/reports/startup/run?format=html&dataFolder=..%2F..%2F..%2Fetc"));
        assertFalse(browser.findElement(By.tagName("body")).getText().contains("root:"));
        assertTrue(browser.findElement(By.tagName("body")).getText().startsWith("startup: no data folder"));
    }

    /**
     * A folder whose ';' revenue file has three-decimal amounts (dinars, 1.234): refused on the Key accounts page while
     * the decimal separator is decided from the file, as the command line refuses it; scored with the shares the file
     * gives once the page's select says point, which the form and the workbook's link keep.
     */
    @Test
    void theKeyAccountsPageReadsThreeDecimalAmountsOnceThePointIsChosen() throws Exception {
        Path folder = Files.createDirectories(server.folder.resolve("data/dinars"));
        try {
            Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA1,Alpha\nB2,Beta\n");
            Path revenue = Files.writeString(folder.resolve("revenue.csv"),
                    "date;account_id;amount\n2026-10-01;A1;1.234\n2026-10-02;A1;2.500\n2026-10-03;B2;1.266\n");
            logIn(TestServer.VIEWER);
            browser.get(server.url("/accounts"));
            new Select(browser.findElement(By.id("data"))).selectByValue("dinars");
            browser.findElement(By.id("score")).click();
            waiting(30).until(ExpectedConditions.urlContains("data=dinars"));
            String refusal = browser.findElement(By.id("error")).getText();
            assertTrue(refusal.startsWith("revenue.csv, line 2, column 'amount' (3): '1.234' could be 1.234 or 1234"), refusal);
            assertTrue(browser.findElements(By.id("accounts")).isEmpty(), "no table for a refused folder");

            Select separator = new Select(browser.findElement(By.id("decimalSeparator")));
            assertEquals(java.util.List.of("automatic (from each file)", "point (12.50)", "comma (12,50)"),
                    separator.getOptions().stream().map(WebElement::getText).toList());
            separator.selectByValue("point");
            browser.findElement(By.id("score")).click();
            waiting(30).until(ExpectedConditions.urlContains("decimalSeparator=point"));

            // each account's share recomputed from the file, its amounts read with the point
            java.util.Map<String, java.math.BigDecimal> byAccount = new java.util.TreeMap<>();
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (String line : Files.readAllLines(revenue).subList(1, 4)) {
                String[] cells = line.split(";");
                byAccount.merge(cells[1], new java.math.BigDecimal(cells[2]), java.math.BigDecimal::add);
                total = total.add(new java.math.BigDecimal(cells[2]));
            }
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (var account : byAccount.entrySet()) {
                expected.add((account.getKey().equals("A1") ? "Alpha " : "Beta ") + account.getValue().movePointRight(2)
                        .divide(total, 1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %");
            }
            java.util.List<String> shown = browser.findElements(By.cssSelector("#accounts tbody tr")).stream().map(row -> {
                java.util.List<WebElement> cells = row.findElements(By.tagName("td"));
                return cells.get(1).getText() + " " + cells.get(3).getText();
            }).toList();
            assertEquals(expected, shown);
            assertEquals(java.util.List.of("Alpha 74.7 %", "Beta 25.3 %"), shown, "3.734 and 1.266 of 5.000");
            assertEquals("point", new Select(browser.findElement(By.id("decimalSeparator"))).getFirstSelectedOption().getAttribute("value"));
            assertTrue(browser.findElement(By.id("workbook")).getAttribute("href").endsWith("&decimalSeparator=point"),
                    browser.findElement(By.id("workbook")).getAttribute("href"));
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(folder.toFile());
        }
    }

    /** September 2026's revenue as the KPI table shows it (#,##0), summed from the sample's revenue.csv. */
    private static String septemberRevenue() throws java.io.IOException {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (String line : Files.readAllLines(server.home.resolve("sample-data/startup/revenue.csv"))) {
            String[] cells = line.split(",");
            if (cells[0].startsWith("2026-09-")) {
                total = total.add(new java.math.BigDecimal(cells[2]));
            }
        }
        return new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH))
                .format(total.setScale(0, java.math.RoundingMode.HALF_EVEN));
    }
}
