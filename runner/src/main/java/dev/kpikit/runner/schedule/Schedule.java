package dev.kpikit.runner.schedule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kpikit.data.CsvReading;
import dev.kpikit.runner.engine.OutputFormat;
import jakarta.mail.internet.InternetAddress;

/**
 * One validated schedule: what to render, when (cron in its own time zone, on the days its business
 * {@code calendar} allows, if any), to whom, how to retry; {@code reading} says how the data folder's CSV tables are
 * read (encoding, decimal separator) where the design's data source does not say.
 */
public record Schedule(String id, Path template, Map<String, String> parameters, AsOfRule asOf, String asOfParameter,
        Locale locale, List<OutputFormat> formats, String cron, ZoneId timeZone, List<InternetAddress> to,
        List<InternetAddress> cc, List<InternetAddress> bcc, InternetAddress owner, String subject, String body,
        List<HeadlineKpi> headline, RetryPolicy retry, boolean skipWhenNoData, boolean enabled,
        BusinessCalendar calendar, OnExcludedDay onExcludedDay, SendWhen sendWhen, Destinations destinations,
        CsvReading reading) {

    public Schedule {
        reading = reading == null ? CsvReading.DEFAULT : reading;
    }

    /**
     * A schedule that fires on every day its cron names (no business calendar) and always sends, by mail only, its CSV
     * tables read as UTF-8 with the decimal separator decided from each file.
     */
    public Schedule(String id, Path template, Map<String, String> parameters, AsOfRule asOf, String asOfParameter,
            Locale locale, List<OutputFormat> formats, String cron, ZoneId timeZone, List<InternetAddress> to,
            List<InternetAddress> cc, List<InternetAddress> bcc, InternetAddress owner, String subject, String body,
            List<HeadlineKpi> headline, RetryPolicy retry, boolean skipWhenNoData, boolean enabled) {
        this(id, template, parameters, asOf, asOfParameter, locale, formats, cron, timeZone, to, cc, bcc, owner, subject,
                body, headline, retry, skipWhenNoData, enabled, null, OnExcludedDay.SKIP, SendWhen.ALWAYS,
                Destinations.MAIL_ONLY, CsvReading.DEFAULT);
    }

    public static final String DEFAULT_SUBJECT = "{title} - {period}";
    public static final String DEFAULT_BODY = "Hello,\n\nattached is {title} for {period}.";

    public List<InternetAddress> allRecipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /** Identifies what the trigger needs to fire at the right times; a change re-creates the trigger. */
    public String timingKey() {
        return cron + "|" + timeZone.getId() + (calendar == null ? "" : "|" + calendar.name() + "|" + onExcludedDay);
    }
}
