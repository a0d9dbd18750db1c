package dev.kpikit.runner.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where and how to send mail. The password is never held as a field value that could be
 * printed: it is read from its environment variable or file when a connection is made.
 */
public record SmtpSettings(String host, int port, String from, String username, PasswordSource password,
        int timeoutMillis) {

    public static final int DEFAULT_TIMEOUT_MILLIS = 30_000;

    /**
     * KPIKIT_SMTP_HOST (default localhost), KPIKIT_SMTP_PORT (587, or 25 on loopback), KPIKIT_SMTP_FROM,
     * KPIKIT_SMTP_USER with KPIKIT_SMTP_PASSWORD or KPIKIT_SMTP_PASSWORD_FILE.
     */
    public static SmtpSettings fromEnvironment() {
        String host = env("KPIKIT_SMTP_HOST", "localhost");
        int port = Integer.parseInt(env("KPIKIT_SMTP_PORT", isLoopback(host) ? "25" : "587"));
        PasswordSource password = System.getenv("KPIKIT_SMTP_PASSWORD_FILE") != null
                ? PasswordSource.fromFile(java.nio.file.Path.of(System.getenv("KPIKIT_SMTP_PASSWORD_FILE")))
                : System.getenv("KPIKIT_SMTP_PASSWORD") != null ? PasswordSource.fromEnvironment("KPIKIT_SMTP_PASSWORD")
                : PasswordSource.NONE;
        return new SmtpSettings(host, port, env("KPIKIT_SMTP_FROM", "kpikit@localhost"), System.getenv("KPIKIT_SMTP_USER"),
                password, DEFAULT_TIMEOUT_MILLIS);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** STARTTLS is required for every host but the local machine (a relay on loopback, a test server). */
    public boolean starttlsRequired() {
        return !isLoopback(host);
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The settings with another host and port (the send command's --smtp). */
    public SmtpSettings at(String newHost, int newPort) {
        return new SmtpSettings(newHost, newPort, from, username, password, timeoutMillis);
    }

    public SmtpSettings withTimeout(int millis) {
        return new SmtpSettings(host, port, from, username, password, millis);
    }

    @Override
    public String toString() {  // never the password
        return "smtp " + host + ":" + port + (username == null ? "" : " as " + username) + ", from " + from;
    }

    /** Where a password comes from: an environment variable or a file, named but not revealed. */
    public record PasswordSource(String description, Supplier<String> reader) {
        public static final PasswordSource NONE = new PasswordSource("none", () -> null);

        public static PasswordSource fromEnvironment(String variable) {
            return new PasswordSource("environment variable " + variable, () -> {
                String value = System.getenv(variable);
                if (value == null) {
                    throw new IllegalStateException("the SMTP password variable " + variable + " is not set");
                }
                return value;
            });
        }

        public static PasswordSource fromFile(java.nio.file.Path file) {
            return new PasswordSource("file " + file, () -> SecretFile.read(file, "SMTP password"));
        }

        public String read() {
            return reader.get();
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
