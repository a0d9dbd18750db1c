package dev.kpikit.runner.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kpikit.runner.mail.SmtpSettings;

/**
 * A validated schedules file. {@code smtp} is empty when the file has no smtp section (the environment's then);
 * {@code calendars} are the named business calendars, by name; {@code warnings} what is read but may not be meant
 * (a locale kpikit has no texts in), each naming the schedule and the field.
 */
public record Schedules(Optional<SmtpSettings> smtp, Optional<StoreSettings> store, RunnerSettings runner,
        List<Schedule> schedules, Map<String, BusinessCalendar> calendars, List<String> warnings) {

    public Schedules {
        warnings = List.copyOf(warnings);
    }

    public Schedules(Optional<SmtpSettings> smtp, Optional<StoreSettings> store, RunnerSettings runner,
            List<Schedule> schedules) {
        this(smtp, store, runner, schedules, Map.of(), List.of());
    }

    public Optional<Schedule> byId(String id) {
        return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Schedule> enabled() {
        return schedules.stream().filter(Schedule::enabled).toList();
    }
}
