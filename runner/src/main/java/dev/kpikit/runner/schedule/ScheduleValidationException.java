package dev.kpikit.runner.schedule;

import java.util.List;

/** A schedules file with problems; each names the schedule and the field. */
public class ScheduleValidationException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;
    private final List<String> warnings;

    public ScheduleValidationException(String file, List<String> problems) {
        this(file, problems, List.of());
    }

    /** With the warnings of the file's other fields, so that they are told in the same run. */
    public ScheduleValidationException(String file, List<String> problems, List<String> warnings) {
        super(file + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<String> problems() {
        return problems;
    }

    /** What is read but may not be meant, beside the problems (a locale kpikit has no texts in). */
    public List<String> warnings() {
        return warnings;
    }
}
