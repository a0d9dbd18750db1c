package dev.kpikit.server.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.runner.engine.AtomicFile;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.Attachment;
import dev.kpikit.runner.schedule.RenderedReport;
import dev.kpikit.runner.schedule.ReportRenderer;
import dev.kpikit.runner.schedule.Schedule;

/**
 * Keeps the PDF of every delivery this server renders for a number of days, to download again from
 * the Deliveries page: a renderer around the runner's, writing {@code DIR/<schedule>/<slot millis>.pdf}
 * (the slot is the delivery's nominal time, recorded in the store). Older files are deleted as new ones
 * arrive. In a cluster each server keeps what it rendered; give them one shared folder to see all.
 */
public final class DeliveryArchive implements ReportRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryArchive.class);
    private static final Pattern SCHEDULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final ReportRenderer renderer;
    private final Path folder;
    private final Duration keep;
    private final Clock clock;

    public DeliveryArchive(ReportRenderer renderer, Path folder, Duration keep, Clock clock) {
        this.renderer = renderer;
        this.folder = folder.toAbsolutePath().normalize();
        this.keep = keep;
        this.clock = clock;
    }

    public Duration keep() {
        return keep;
    }

    @Override
    public RenderedReport render(Schedule schedule, LocalDate asOf, String period, Instant slot) throws ReportFailedException {
        RenderedReport report = renderer.render(schedule, asOf, period, slot);
        if (!keep.isZero()) {
            for (Attachment attachment : report.attachments()) {
                if (attachment.contentType().contains("pdf")) {
                    keep(schedule.id(), slot, attachment.content());
                }
            }
            deleteExpired();
        }
        return report;
    }

    private void keep(String scheduleId, Instant slot, byte[] pdf) {
        Optional<Path> target = file(scheduleId, slot);
        if (target.isEmpty()) {
            return;
        }
        try {
            AtomicFile.write(target.get(), out -> out.write(pdf));
        } catch (IOException e) {
            LOG.warn("{}: the PDF of {} not kept: {}", scheduleId, slot, e.toString());  // the delivery goes on
        }
    }

    /** The kept PDF of a delivery, when there is one. */
    public Optional<Path> pdf(String scheduleId, Instant slot) {
        return file(scheduleId, slot).filter(Files::isRegularFile);
    }

    private Optional<Path> file(String scheduleId, Instant slot) {
        if (scheduleId == null || !SCHEDULE_ID.matcher(scheduleId).matches() || scheduleId.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(folder.resolve(scheduleId).resolve(slot.toEpochMilli() + ".pdf"));
    }

    void deleteExpired() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Instant limit = clock.instant().minus(keep);
        try (Stream<Path> files = Files.walk(folder, 2)) {
            files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(file -> FileUtils.deleteQuietly(file.toFile()));
        } catch (IOException e) {
            LOG.warn("old delivery PDFs not deleted: {}", e.toString());
        }
    }
}
