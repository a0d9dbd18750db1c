package dev.kpikit.runner.schedule;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The database holding Quartz's tables and kpikit's delivery records: an H2 file by default
 * (nothing to install), PostgreSQL for a cluster of runners.
 */
public record StoreSettings(String url, String username, Supplier<String> password, boolean clustered) {

    /** KPIKIT_STORE_URL, else an H2 file under ~/.kpikit. */
    public static StoreSettings fromEnvironment() {
        String url = System.getenv("KPIKIT_STORE_URL");
        if (url == null || url.isBlank()) {
            return h2(Path.of(System.getProperty("user.home"), ".kpikit", "kpikit-store"));
        }
        String user = System.getenv("KPIKIT_STORE_USER");
        return new StoreSettings(url, user, () -> System.getenv("KPIKIT_STORE_PASSWORD"), isPostgreSql(url));
    }

    /**
     * An H2 file store. AUTO_SERVER lets {@code schedule history} read it while {@code schedule run}
     * holds it open.
     */
    public static StoreSettings h2(Path fileWithoutExtension) {
        return new StoreSettings("jdbc:h2:file:" + fileWithoutExtension.toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa",
                () -> "", false);
    }

    public boolean postgreSql() {
        return isPostgreSql(url);
    }

    static boolean isPostgreSql(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    private static final java.util.regex.Pattern PASSWORD = java.util.regex.Pattern.compile("(?i)(password=)[^&;]*");

    /** A JDBC URL with a password in it ({@code password=} or {@code sslpassword=} of PostgreSQL, {@code ;PASSWORD=} of H2). */
    static boolean holdsPassword(String url) {
        return PASSWORD.matcher(url).find();
    }

    @Override
    public String toString() {  // never the password
        return PASSWORD.matcher(url).replaceAll("$1***") + (clustered ? " (clustered)" : "");
    }
}
