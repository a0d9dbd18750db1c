package dev.kpikit.runner.schedule;

import java.time.Instant;
import java.time.LocalDate;

import dev.kpikit.runner.engine.ReportFailedException;

/** Renders a schedule's report for one delivery. */
public interface ReportRenderer {

    RenderedReport render(Schedule schedule, LocalDate asOf, String period, Instant slot) throws ReportFailedException;
}
