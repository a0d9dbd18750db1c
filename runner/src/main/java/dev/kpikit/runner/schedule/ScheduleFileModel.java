package dev.kpikit.runner.schedule;

import java.util.List;
import java.util.Map;

/**
 * The schedules file as written (YAML or JSON), before validation: every field may be
 * missing. {@link ScheduleFileReader} checks it and turns it into {@link Schedules}.
 */
public final class ScheduleFileModel {

    private ScheduleFileModel() {
    }

    public record File(Smtp smtp, Store store, Runner runner, Map<String, CalendarEntry> calendars, List<Entry> schedules) {
    }

    /** {@code password} exists only so that the validator can refuse it by name. */
    public record Smtp(String host, Integer port, String from, String username, String passwordEnv,
            String passwordFile, String password, Integer timeoutSeconds) {
    }

    public record Store(String url, String username, String passwordEnv, String passwordFile, String password,
            Boolean clustered) {
    }

    public record Runner(Integer threads, Integer leaseSeconds, Integer heartbeatSeconds,
            Integer misfireThresholdSeconds, Integer clusterCheckinMillis) {
    }

    public record Entry(String id, String template, Map<String, String> parameters, String asOf, String asOfParameter,
            String locale, List<String> formats, String cron, String timeZone, List<String> to, List<String> cc,
            List<String> bcc, String owner, String subject, String body, List<HeadlineEntry> headline,
            Retry retry, Boolean skipWhenNoData, Boolean enabled, String calendar, String onExcludedDay, List<String> sendWhen,
            OffTarget offTarget, DestinationsEntry destinations, String encoding, String decimalSeparator) {
    }

    /** A named business calendar: the days on which no report goes out. */
    public record CalendarEntry(String timeZone, List<String> dates, List<String> yearly, List<RangeEntry> ranges,
            List<String> weekdaysOff, List<Integer> easterOffsets) {
    }

    public record RangeEntry(String from, String to) {
    }

    /** Which KPIs {@code kpi-off-target} watches (default: all headline KPIs), and whether AMBER counts. */
    public record OffTarget(List<String> kpis, Boolean amber) {
    }

    /** Where deliveries go: mail (default: when 'to' is given), a folder, a chat webhook. */
    public record DestinationsEntry(Boolean mail, String folder, Integer keepDays, String webhook, String webhookEnv,
            String webhookFile, String webhookFormat, String reportServer) {
    }

    public record HeadlineEntry(String name, String label, String item, String column, String format) {
    }

    public record Retry(Integer attempts, String initialDelay, Double multiplier, String maxDelay) {
    }
}
