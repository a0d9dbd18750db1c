package dev.kpikit.runner.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** A schedule's or calendar's {@code timeZone}: a region id (Europe/Oslo) or an offset, and what was meant by a near miss. */
final class TimeZoneNames {

    private TimeZoneNames() {
    }

    /**
     * The zone, or an IllegalArgumentException that names the region meant when the text is one in other letter case,
     * with spaces around it, or its city alone ("europe/berlin", "Berlin", "new york": Europe/Berlin, America/New_York).
     */
    static ZoneId parse(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "'; " + meant(text).map(id -> "did you mean " + id + "?")
                    .orElse("expected a region such as Europe/Oslo or America/New_York (the tz database's names)"));
        }
    }

    private static Optional<String> meant(String text) {
        String wanted = text.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .or(() -> ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc/")
                        && !id.startsWith("SystemV/") && id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(wanted))
                        .sorted().findFirst());
    }
}
