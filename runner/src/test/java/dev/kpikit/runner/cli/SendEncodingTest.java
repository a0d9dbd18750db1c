package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.engine.SharedEngine;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code kpikit send --encoding} through the real command line (its own JVM) to GreenMail on loopback: a data folder of
 * Excel "CSV" tables (windows-1252) is mailed with its names as written; without the option the send fails with the
 * refusal that says how to name the encoding, and nothing is mailed.
 */
class SendEncodingTest {

    @TempDir
    Path dir;
    GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private KpikitRun send(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("send",
                "--template", SharedEngine.template("key-accounts.rptdesign").toString(),
                "--to", "ceo@kpikit.test", "--smtp", "127.0.0.1:" + greenMail.getSmtp().getPort(),
                "--store", "jdbc:h2:file:" + dir.resolve("store")));
        command.addAll(List.of(args));
        return KpikitRun.of(dir, Duration.ofSeconds(180), command);
    }

    @Test
    void encodingMailsAWindows1252DataFolderAsWrittenAndWithoutItTheSendFailsWithTheRefusal() throws Exception {
        Path data = Files.createDirectories(dir.resolve("cp1252"));
        Charset cp1252 = Charset.forName("windows-1252");
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".csv")) {
                    Files.write(data.resolve(file.getFileName()),
                            Files.readString(file).replace("Client A", "Caf\u00e9 M\u00fcller").getBytes(cp1252));
                } else {
                    Files.copy(file, data.resolve(file.getFileName()));
                }
            }
        }

        KpikitRun unsaid = send("--data", data.toString());
        assertEquals(1, unsaid.exit(), unsaid.stdout() + unsaid.stderr());
        String all = unsaid.stdout() + unsaid.stderr();
        assertTrue(all.contains("FAILED") && all.contains("accounts.csv, line 2, byte offset ")
                && all.contains("the file is not UTF-8 text; save it as CSV UTF-8"), all);
        assertEquals(0, greenMail.getReceivedMessages().length, "nothing garbled was mailed");

        KpikitRun unknown = send("--data", data.toString(), "--encoding", "klingon");
        assertEquals(1, unknown.exit(), unknown.stderr());
        assertEquals("kpikit send: --encoding 'klingon' names no known character set; use UTF-8, windows-1252, ISO-8859-1"
                + " or another Java charset name", unknown.stderr().strip());

        KpikitRun read = send("--data", data.toString(), "--encoding", "windows-1252");
        assertEquals(0, read.exit(), read.stdout() + read.stderr());
        assertTrue(read.stdout().contains("SENT"), read.stdout());
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(1, messages.length);
        byte[] pdf = attachment(messages[0]);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll(" +", " ");
            assertTrue(text.contains("Caf\u00e9 M\u00fcller"), text);
            assertFalse(text.contains("Caf\u00c3"), text);
        }
    }

    /** The first attachment's bytes. */
    private static byte[] attachment(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
