package dev.kpikit.server.schedules;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import dev.kpikit.runner.schedule.DeliveryRecord;
import dev.kpikit.runner.schedule.DeliveryService;
import dev.kpikit.runner.schedule.Fire;
import dev.kpikit.runner.schedule.DeliveryStatus;
import dev.kpikit.runner.schedule.Schedule;
import dev.kpikit.runner.schedule.ScheduleRunner;
import dev.kpikit.runner.schedule.Schedules;

/**
 * The schedules of the config and the store's deliveries, as the Schedules and Deliveries pages
 * show them, and the operators' actions on them through the runner's Quartz scheduler: pause and
 * resume are Quartz trigger states (kept in the store, so every server of a cluster sees them),
 * "run now" and "retry" fire the schedule's job once, recorded as a delivery like any other.
 */
public final class ScheduleDesk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScheduleDesk.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Schedules schedules;
    private final String configErrors;
    private final ScheduleRunner runner;
    private final DeliveryArchive archive;

    /** {@code schedules} null when there is no config or it did not validate ({@code configErrors} says why). */
    public ScheduleDesk(Schedules schedules, String configErrors, ScheduleRunner runner, DeliveryArchive archive) {
        this.schedules = schedules;
        this.configErrors = configErrors;
        this.runner = runner;
        this.archive = archive;
    }

    /** The kept PDF of a delivery in the store, when this server still has it. */
    public Optional<java.nio.file.Path> pdf(String scheduleId, long fireTime) throws SQLException {
        if (runner == null || archive == null || scheduleId == null) {
            return Optional.empty();
        }
        Optional<DeliveryRecord> record = runner.store().find(scheduleId, Instant.ofEpochMilli(fireTime));
        return record.flatMap(r -> archive.pdf(r.scheduleId(), r.nominalTime()));
    }

    public boolean configured() {
        return schedules != null && runner != null;
    }

    public String configErrors() {
        return configErrors;
    }

    public record ScheduleRow(String id, String report, String cron, String timeZone, String nextFire, String state,
            boolean paused, boolean scheduled, String lastStatus, String lastFinished, String recipients) {
    }

    public List<ScheduleRow> schedules() throws SchedulerException, SQLException {
        if (!configured()) {
            return List.of();
        }
        Scheduler quartz = runner.quartz();
        List<DeliveryRecord> recent = runner.store().last(1000);
        List<ScheduleRow> rows = new ArrayList<>();
        for (Schedule schedule : schedules.schedules()) {
            TriggerKey key = TriggerKey.triggerKey(schedule.id(), ScheduleRunner.GROUP);
            Trigger trigger = quartz.getTrigger(key);
            Trigger.TriggerState state = trigger == null ? Trigger.TriggerState.NONE : quartz.getTriggerState(key);
            boolean paused = state == Trigger.TriggerState.PAUSED;
            String next = trigger == null || paused || trigger.getNextFireTime() == null ? ""
                    : TIME.format(trigger.getNextFireTime().toInstant().atZone(schedule.timeZone()));
            Optional<DeliveryRecord> last = recent.stream().filter(r -> r.scheduleId().equals(schedule.id())).findFirst();
            rows.add(new ScheduleRow(schedule.id(), schedule.template().getFileName().toString().replaceFirst("\\.rptdesign$", ""),
                    schedule.cron(), schedule.timeZone().getId(), next,
                    !schedule.enabled() ? "disabled" : trigger == null ? "not scheduled" : paused ? "paused" : "active",
                    paused, trigger != null,
                    last.map(r -> r.status().name()).orElse(""),
                    last.map(r -> r.finished() == null ? "" : TIME.format(r.finished().atZone(schedule.timeZone()))).orElse(""),
                    String.join(", ", schedule.allRecipients().stream().map(Object::toString).toList())));
        }
        return rows;
    }

    /** Pauses or resumes; false when the schedule has no job (unknown, disabled or never firing). */
    public boolean setPaused(String id, boolean paused) throws SchedulerException {
        JobKey job = job(id).orElse(null);
        if (job == null) {
            return false;
        }
        if (paused) {
            runner.quartz().pauseJob(job);
        } else {
            runner.quartz().resumeJob(job);
        }
        return true;
    }

    /** Fires the schedule once now; false when it has no job. */
    public boolean runNow(String id) throws SchedulerException {
        JobKey job = job(id).orElse(null);
        if (job == null) {
            return false;
        }
        runner.quartz().triggerJob(job);
        return true;
    }

    private Optional<JobKey> job(String id) throws SchedulerException {
        if (!configured() || id == null || schedules.byId(id).isEmpty()) {
            return Optional.empty();
        }
        JobKey key = JobKey.jobKey(id, ScheduleRunner.GROUP);
        return runner.quartz().checkExists(key) ? Optional.of(key) : Optional.empty();
    }

    public record DeliveryRow(String scheduleId, long fireTime, String fired, String status, boolean failed, int attempts,
            String recipients, String files, String messageId, String error, String notes, boolean pdfKept) {
    }

    /** The newest deliveries first, filtered; blank filters match everything. */
    public List<DeliveryRow> deliveries(String scheduleId, String status, LocalDate from, LocalDate to, int limit)
            throws SQLException {
        if (runner == null) {
            return List.of();
        }
        List<DeliveryRow> rows = new ArrayList<>();
        for (DeliveryRecord r : runner.store().last(5000)) {
            if (scheduleId != null && !scheduleId.isBlank() && !r.scheduleId().equals(scheduleId)) {
                continue;
            }
            if (status != null && !status.isBlank() && !r.status().name().equalsIgnoreCase(status)) {
                continue;
            }
            LocalDate day = r.started().atZone(ZoneOffset.UTC).toLocalDate();
            if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            if (r.late()) {
                notes.add("late");
            }
            if (r.recoveries() > 0) {
                notes.add("possible duplicate");
            }
            if (r.dryRun()) {
                notes.add("dry run");
            }
            if (r.note() != null && !r.note().isBlank() && !notes.contains(r.note())) {
                notes.add(r.note());
            }
            rows.add(new DeliveryRow(r.scheduleId(), r.fireTime().toEpochMilli(),
                    TIME.format(r.fireTime().atZone(ZoneId.of("UTC"))) + " UTC", r.status().name(),
                    r.status() == DeliveryStatus.FAILED, r.attempts(), nullToEmpty(r.recipients()), nullToEmpty(r.files()),
                    nullToEmpty(r.messageId()), nullToEmpty(r.error()), String.join("; ", notes),
                    archive != null && archive.pdf(r.scheduleId(), r.nominalTime()).isPresent()));
            if (rows.size() >= limit) {
                break;
            }
        }
        return rows;
    }

    /** Where the runner keeps its delivery service (DeliveryJob.DELIVERY_SERVICE, package-private in the runner). */
    private static final String DELIVERY_SERVICE = "kpikit.deliveryService";

    /**
     * Delivers a FAILED delivery again now, for the same period: a new delivery (a new row, keyed by now) whose slot
     * is the failed one's, through the runner's own delivery service, in the background. False when there is no
     * such failed delivery.
     */
    public boolean retry(String scheduleId, long fireTime) throws SQLException, SchedulerException {
        if (!configured() || schedules.byId(scheduleId).isEmpty()) {
            return false;
        }
        Optional<DeliveryRecord> record = runner.store().find(scheduleId, Instant.ofEpochMilli(fireTime));
        if (record.isEmpty() || record.get().status() != DeliveryStatus.FAILED
                || !(runner.quartz().getContext().get(DELIVERY_SERVICE) instanceof DeliveryService service)) {
            return false;
        }
        Fire again = new Fire(scheduleId, Instant.now(), record.get().nominalTime(), false, false);
        Thread.ofVirtual().name("kpikit-retry-" + scheduleId).start(() -> {
            try {
                service.deliver(again);
            } catch (SQLException e) {
                LOG.error("{}: retry of {} not delivered: {}", scheduleId, record.get().nominalTime(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return true;
    }

    public List<String> scheduleIds() {
        return schedules == null ? List.of() : schedules.schedules().stream().map(Schedule::id).toList();
    }

    /** Deliveries per state, for /metrics. */
    public java.util.Map<String, Long> countByState() throws SQLException {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status.name(), 0L);
        }
        if (runner != null) {
            for (DeliveryRecord r : runner.store().all()) {
                counts.merge(r.status().name(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
