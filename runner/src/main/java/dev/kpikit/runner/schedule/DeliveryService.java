package dev.kpikit.runner.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.Addresses;
import dev.kpikit.runner.mail.Attachment;
import dev.kpikit.runner.mail.DeliveryMail;
import dev.kpikit.runner.mail.Headline;
import dev.kpikit.runner.mail.MailTransport;
import dev.kpikit.runner.mail.SmtpFailures;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers one fire of a schedule: claim it in the store, render, compose, send with retries,
 * record the outcome. The claim makes a fire deliver at most once across runners and restarts,
 * except in one window: SMTP accepted the message and the runner died before recording SENT.
 * Then the take-over resends with the SAME Message-ID (recorded before the first attempt) and
 * notes a possible duplicate in the history.
 */
public final class DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final Supplier<Schedules> schedules;
    private final DeliveryStore store;
    private final LeaseKeeper leases;
    private final ReportRenderer renderer;
    private final MailTransport transport;
    private final InternetAddress from;
    private final String runnerId;
    private final Clock clock;
    private final NextAttempts nextAttempts;
    private final boolean logsFailures;
    private final Session session = Session.getInstance(new java.util.Properties());

    public DeliveryService(Supplier<Schedules> schedules, DeliveryStore store, LeaseKeeper leases, ReportRenderer renderer,
            MailTransport transport, String from, String runnerId, Clock clock, NextAttempts nextAttempts) {
        this(schedules, store, leases, renderer, transport, from, runnerId, clock, nextAttempts, true);
    }

    /**
     * @param logsFailures false for a caller that shows each delivery's outcome itself ({@code kpikit send}
     *                     prints the history row), so that a failure is not told twice
     */
    public DeliveryService(Supplier<Schedules> schedules, DeliveryStore store, LeaseKeeper leases, ReportRenderer renderer,
            MailTransport transport, String from, String runnerId, Clock clock, NextAttempts nextAttempts,
            boolean logsFailures) {
        this.logsFailures = logsFailures;
        this.schedules = schedules;
        this.store = store;
        this.leases = leases;
        this.renderer = renderer;
        this.transport = transport;
        this.from = Addresses.parse(from);
        this.runnerId = runnerId;
        this.clock = clock;
        this.nextAttempts = nextAttempts;
    }

    public DeliveryRecord deliver(Fire fire) throws SQLException, InterruptedException {
        String owner = runnerId + "/" + UUID.randomUUID();
        DeliveryStore.Claim claim = claimWaitingForDeadOwner(fire, owner);
        if (claim == null) {
            return null;
        }
        switch (claim.kind()) {
            case DONE -> {
                LOG.info("{} at {}: already {}, not delivered again", fire.scheduleId(), fire.fireTime(), claim.record().status());
                return claim.record();
            }
            case HELD -> {
                LOG.info("{} at {}: another runner ({}) is delivering it", fire.scheduleId(), fire.fireTime(), claim.record().owner());
                return claim.record();
            }
            case TAKEN_OVER -> LOG.warn("{} at {}: taking over a delivery left {} by a stopped runner ({})", fire.scheduleId(),
                    fire.fireTime(), claim.record().status(), claim.record().note());
            case RESUMED -> LOG.info("{} at {}: attempt {} after back-off", fire.scheduleId(), fire.fireTime(),
                    claim.record().attempts() + 1);
            default -> { }
        }
        if (fire.late() && claim.kind() == DeliveryStore.Claim.Kind.NEW) {
            LOG.warn("{}: late delivery for {} (fired at {} after downtime; delivered once)", fire.scheduleId(),
                    fire.nominalTime(), clock.instant());
        }
        leases.hold(claim.record(), owner);
        try {
            return run(fire, claim, owner);
        } finally {
            leases.release(owner);
        }
    }

    /** A claim held by a runner that died keeps its lease for a while: wait for it to run out, then take over. */
    private DeliveryStore.Claim claimWaitingForDeadOwner(Fire fire, String owner) throws SQLException, InterruptedException {
        DeliveryStore.Claim claim = store.claim(fire.scheduleId(), fire.fireTime(), fire.nominalTime(), fire.late(),
                transport.dryRun(), owner);
        Instant giveUp = clock.instant().plus(store.lease().multipliedBy(2));
        while (fire.recovering() && claim.kind() == DeliveryStore.Claim.Kind.HELD && clock.instant().isBefore(giveUp)) {
            long wait = Math.max(200, Math.min(1000, Duration.between(clock.instant(), claim.record().leaseUntil()).toMillis() + 50));
            Thread.sleep(wait);
            claim = store.claim(fire.scheduleId(), fire.fireTime(), fire.nominalTime(), fire.late(), transport.dryRun(), owner);
        }
        return claim;
    }

    private DeliveryRecord run(Fire fire, DeliveryStore.Claim claim, String owner) throws SQLException, InterruptedException {
        DeliveryRecord row = claim.record();
        Schedule schedule = schedules.get().byId(fire.scheduleId()).orElse(null);
        if (schedule == null) {
            return fail(row, owner, null, "schedule '" + fire.scheduleId() + "' is not in this runner's schedules file", null);
        }
        // the recorded slot, not this fire's: a take-over reports on the same period as the first try
        Instant slot = row.nominalTime();
        LocalDate asOf = schedule.asOf().asOf(slot.atZone(schedule.timeZone()).toLocalDate());
        String period = schedule.asOf().period(asOf, schedule.locale());
        PausePoint.reached("claimed", row);
        RenderedReport report;
        try {
            report = renderer.render(schedule, asOf, period, slot);
        } catch (ReportFailedException | RuntimeException e) {
            // logged once, as the delivery's failure
            return fail(row, owner, schedule, "render failed: " + e.getMessage(), null);
        }
        if (schedule.skipWhenNoData() && !report.hasData()) {
            LOG.info("{}: the report has no data; skipped as configured", schedule.id());
            store.finish(row, owner, DeliveryStatus.SKIPPED, note(row, "no data"), null);
            return store.find(row.scheduleId(), row.fireTime()).orElseThrow();
        }
        String messageId = row.messageId() != null ? row.messageId() : newMessageId(schedule, fire);
        MimeMessage message;
        try {
            message = DeliveryMail.build(session, messageId, content(schedule, report, asOf, period));
        } catch (MessagingException | RuntimeException e) {
            return fail(row, owner, schedule, "cannot compose the message: " + SmtpFailures.describe(e), null);
        }
        if (!store.markRendered(row, owner, messageId, recipients(schedule), files(report.attachments()))) {
            return lost(row);
        }
        PausePoint.reached("rendered", row);
        boolean resend = claim.kind() == DeliveryStore.Claim.Kind.TAKEN_OVER && row.attempts() > 0;
        String note = resend ? "possible duplicate: a stopped runner had already tried to send " + messageId : null;
        return send(schedule, row, owner, message, messageId, note);
    }

    /**
     * One SMTP attempt per run: after a transient failure the row waits in the store for its next attempt and the
     * worker thread is free for other deliveries (the {@code send} command waits in its own thread instead).
     */
    private DeliveryRecord send(Schedule schedule, DeliveryRecord row, String owner, MimeMessage message, String messageId,
            String note) throws SQLException, InterruptedException {
        RetryPolicy retry = schedule.retry();
        // counted across runs and runners; a taken-over delivery always gets at least one attempt of its own
        int attempt = row.attempts();
        while (true) {
            attempt++;
            if (!store.beginAttempt(row, owner)) {
                return lost(row);
            }
            String error;
            try {
                transport.send(message);
                store.finish(row, owner, DeliveryStatus.SENT, note(row, note), null);
                LOG.info("{}: delivered {} to {} ({})", schedule.id(), messageId, recipients(schedule), transport.describe());
                return store.find(row.scheduleId(), row.fireTime()).orElseThrow();
            } catch (MessagingException e) {
                error = SmtpFailures.describe(e);
                boolean retryable = SmtpFailures.isTransient(e);
                LOG.warn("{}: attempt {} of {} failed ({}): {}", schedule.id(), attempt, retry.attempts(),
                        retryable ? "transient" : "permanent", error);
                if (!retryable || attempt >= retry.attempts()) {
                    return fail(row, owner, schedule, "not delivered after " + attempt + " attempt(s): " + error, note);
                }
            }
            Duration delay = retry.delayAfter(attempt);
            if (nextAttempts.inThisThread()) {
                Thread.sleep(delay.toMillis());
                continue;
            }
            Instant due = clock.instant().plus(delay);
            if (!store.waitForNextAttempt(row, owner, due, note(row, note), "attempt " + attempt + ": " + error)) {
                return lost(row);
            }
            try {
                nextAttempts.fireAt(row, attempt + 1, due);
            } catch (Exception e) {
                // the row waits in the store: the sweep of stranded rows fires it once its time has passed
                LOG.warn("{} at {}: cannot schedule attempt {} ({}); the sweep of stranded rows will", row.scheduleId(),
                        row.fireTime(), attempt + 1, e.getMessage());
            }
            return store.find(row.scheduleId(), row.fireTime()).orElseThrow();
        }
    }

    private DeliveryRecord fail(DeliveryRecord row, String owner, Schedule schedule, String error, String note)
            throws SQLException {
        store.finish(row, owner, DeliveryStatus.FAILED, note(row, note), error);
        notifyOwner(schedule, row, error);
        return store.find(row.scheduleId(), row.fireTime()).orElseThrow();
    }

    private DeliveryRecord lost(DeliveryRecord row) throws SQLException {
        LOG.warn("{} at {}: this runner lost its claim (lease ran out); the new owner delivers", row.scheduleId(), row.fireTime());
        return store.find(row.scheduleId(), row.fireTime()).orElseThrow();
    }

    /** After the last attempt: tell the schedule's owner, once, by mail (logged if that fails too). */
    private void notifyOwner(Schedule schedule, DeliveryRecord row, String error) {
        if (schedule == null || schedule.owner() == null) {
            if (logsFailures) {
                LOG.error("{} at {}: FAILED: {}", row.scheduleId(), row.fireTime(), error);
            }
            return;
        }
        String text = "kpikit could not deliver schedule '" + schedule.id() + "' for " + row.nominalTime() + ".\n\n"
                + "Error: " + error + "\nRecipients: " + recipients(schedule) + "\n\nThe failure is recorded: "
                + "kpikit schedule history.\n";
        try {
            transport.send(DeliveryMail.notice(session, from, schedule.owner(),
                    "kpikit: delivery of '" + schedule.id() + "' failed", text));
            LOG.error("{} at {}: FAILED ({}); owner {} notified", row.scheduleId(), row.fireTime(), error, schedule.owner());
        } catch (MessagingException | RuntimeException e) {
            LOG.error("{} at {}: FAILED ({}); the notice to {} failed too: {}", row.scheduleId(), row.fireTime(), error,
                    schedule.owner(), SmtpFailures.describe(e));
        }
    }

    private DeliveryMail.Content content(Schedule schedule, RenderedReport report, LocalDate asOf, String period) {
        Map<String, String> values = new HashMap<>();
        values.put("title", report.title());
        values.put("period", period);
        values.put("asOf", asOf.toString());
        values.put("schedule", schedule.id());
        for (Headline h : report.headlines()) {
            values.put(h.name(), h.text());
        }
        return new DeliveryMail.Content(from, schedule.to(), schedule.cc(), schedule.bcc(),
                Placeholders.fill(schedule.subject(), values), Placeholders.fill(schedule.body(), values), report.title(),
                period, report.headlines(), report.kpiImage(), report.attachments());
    }

    private String newMessageId(Schedule schedule, Fire fire) {
        return "<kpikit." + schedule.id() + "." + fire.fireTime().toEpochMilli() + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@" + Addresses.domainOf(from) + ">";
    }

    static String recipients(Schedule schedule) {
        StringBuilder text = new StringBuilder("to: ").append(join(schedule.to()));
        if (!schedule.cc().isEmpty()) {
            text.append("; cc: ").append(join(schedule.cc()));
        }
        if (!schedule.bcc().isEmpty()) {
            text.append("; bcc: ").append(join(schedule.bcc()));
        }
        return text.toString();
    }

    private static String join(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::getAddress).collect(Collectors.joining(", "));
    }

    private static String files(List<Attachment> attachments) {
        return attachments.stream().map(a -> a.fileName() + " (" + a.size() + " bytes)").collect(Collectors.joining(", "));
    }

    private static String note(DeliveryRecord row, String more) {
        return DeliveryStore.join(row.note(), more);
    }
}
