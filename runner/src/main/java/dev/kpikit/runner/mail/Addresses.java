package dev.kpikit.runner.mail;

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
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            if (!address.getAddress().contains("@")) {
                throw new IllegalArgumentException("'" + text + "' is not a mail address (no @domain)");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("malformed address '" + text + "': " + e.getMessage());
        }
    }

    /** The domain for generated Message-IDs: the sender's. */
    public static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.indexOf('@') + 1);
    }
}
