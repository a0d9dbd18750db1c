package dev.kpikit.runner.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.UnsupportedEncodingException;
import java.net.IDN;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Strict parsing of one mail address ("Name <a@b.example>" or "a@b.example"). */
public final class Addresses {

    private Addresses() {
    }

    /** The parsed address, or an IllegalArgumentException saying what is wrong with it. */
    public static InternetAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty address");
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line break in address '" + text.replaceAll("[\\r\\n]", "\\\\n") + "'");
        }
        InternetAddress address;
        try {
            address = new InternetAddress(text.strip(), true);
            address.validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("malformed address '" + text + "': " + e.getMessage() + hint(text.strip()));
        }
        String addrSpec = address.getAddress();
        int at = addrSpec.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a mail address (no @domain)");
        }
        String local = addrSpec.substring(0, at);
        if (!US_ASCII.newEncoder().canEncode(local)) {
            throw new IllegalArgumentException("'" + text + "': the part before '@' has letters outside ASCII ('" + local
                    + "'), which mail servers take only with SMTPUTF8; give the mailbox's ASCII address");
        }
        // mail headers and SMTP are ASCII: a name with umlauts went out as raw UTF-8 (shown garbled by some mail
        // programs), so it is encoded (=?UTF-8?...?=); a domain with them (exämple.com) becomes its xn-- form
        try {
            String domain = IDN.toASCII(addrSpec.substring(at + 1), IDN.ALLOW_UNASSIGNED);
            return new InternetAddress(local + "@" + domain, address.getPersonal(), "UTF-8");
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("malformed address '" + text + "': " + e.getMessage());
        }
    }

    /**
     * What the usual slips need instead, as a list entry would be written: a name with a comma as Outlook copies it
     * ("Müller, Jürgen <jm@example.com>"), or two addresses in one entry; else nothing.
     */
    private static String hint(String text) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("([^\"<>]*,[^\"<>]*?)\\s*(<[^<>]*>)").matcher(text);
        if (named.matches()) {
            return "; a name with a comma goes in double quotes: '\"" + named.group(1).strip() + "\" " + named.group(2) + "'";
        }
        String[] parts = text.split("\\s*[,;]\\s*");
        boolean each = parts.length > 1 && java.util.Arrays.stream(parts).allMatch(part -> {
            try {
                new InternetAddress(part, true).validate();
                return true;
            } catch (AddressException e) {
                return false;
            }
        });
        return each ? "; it holds " + parts.length + " addresses: give each its own list entry, [\"" + String.join("\", \"", parts)
                + "\"]" : "";
    }

    /** The domain for generated Message-IDs: the sender's. */
    public static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.indexOf('@') + 1);
    }
}
