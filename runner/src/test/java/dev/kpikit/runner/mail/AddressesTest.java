package dev.kpikit.runner.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Recipients as a schedules file or --to gives them, as they reach a mail server. */
class AddressesTest {

    /**
     * "Jürgen Müller <jm@exämple.com>" went out with the name as raw UTF-8 in the To header (some mail programs show
     * "JÃ¼rgen"), and the domain as raw UTF-8 to the SMTP server, which takes only ASCII without SMTPUTF8.
     */
    @Test
    void aNameWithUmlautsIsEncodedInTheHeaderAndADomainWithThemIsSentInItsAsciiForm() throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            MimeMessage message = DeliveryMail.build(session, "<t@kpikit.test>", new DeliveryMail.Content(
                    Addresses.parse("Bücherei Köln <reports@kpikit.test>"), List.of(Addresses.parse("Jürgen Müller <jm@exämple.com>")),
                    List.of(), List.of(), "Umsatz", "Guten Morgen", "Umsatz", "November 2026", List.of(), null, List.of()));
            Transport.send(message);

            MimeMessage received = greenMail.getReceivedMessages()[0];
            String rawHeaders = String.join("\n", java.util.Collections.list(received.getAllHeaderLines()));
            assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(rawHeaders), rawHeaders);
            InternetAddress to = (InternetAddress) received.getRecipients(Message.RecipientType.TO)[0];
            assertEquals(List.of("Jürgen Müller", "jm@xn--exmple-cua.com"), List.of(to.getPersonal(), to.getAddress()));
            assertEquals("Bücherei Köln", ((InternetAddress) received.getFrom()[0]).getPersonal());
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void aMailboxNameOutsideAsciiIsRefusedSayingWhy() {
        assertEquals("'müller@example.com': the part before '@' has letters outside ASCII ('müller'), which mail servers take"
                + " only with SMTPUTF8; give the mailbox's ASCII address",
                assertThrows(IllegalArgumentException.class, () -> Addresses.parse("müller@example.com")).getMessage());
    }

    /** Two usual slips were "Illegal address" and no more: a name with a comma as Outlook copies it, two in one entry. */
    @Test
    void aNameWithACommaOrTwoAddressesInOneEntryAreRefusedSayingWhatToWrite() {
        assertEquals("malformed address 'Müller, Jürgen <jm@example.com>': Illegal address; a name with a comma goes in double"
                + " quotes: '\"Müller, Jürgen\" <jm@example.com>'",
                assertThrows(IllegalArgumentException.class, () -> Addresses.parse("Müller, Jürgen <jm@example.com>")).getMessage());
        assertEquals("malformed address 'ceo@example.com; cfo@example.com': Illegal semicolon, not in group; it holds 2 addresses:"
                + " give each its own list entry, [\"ceo@example.com\", \"cfo@example.com\"]",
                assertThrows(IllegalArgumentException.class, () -> Addresses.parse("ceo@example.com; cfo@example.com")).getMessage());
        assertEquals("Müller, Jürgen", Addresses.parse("\"Müller, Jürgen\" <jm@example.com>").getPersonal());
    }
}
