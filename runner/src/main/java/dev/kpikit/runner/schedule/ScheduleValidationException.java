package dev.kpikit.runner.schedule;

import java.util.List;

/** A schedules file with problems; each names the schedule and the field. */
public class ScheduleValidationException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ScheduleValidationException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
