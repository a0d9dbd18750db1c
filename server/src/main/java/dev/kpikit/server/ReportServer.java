package dev.kpikit.server;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.EmlFolderTransport;
import dev.kpikit.runner.mail.MailTransport;
import dev.kpikit.runner.mail.SmtpSettings;
import dev.kpikit.runner.mail.SmtpTransport;
import dev.kpikit.runner.schedule.BirtReportRenderer;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleRoots;
import dev.kpikit.runner.schedule.SecretRoots;
import dev.kpikit.runner.schedule.ScheduleRunner;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.Schedules;
import dev.kpikit.runner.schedule.StoreSettings;
import dev.kpikit.server.reports.RenderPool;
import dev.kpikit.server.reports.ReportFolder;
import dev.kpikit.server.schedules.DeliveryArchive;
import dev.kpikit.server.schedules.ScheduleDesk;
import dev.kpikit.server.web.WebServer;

/**
 * One server process: the BIRT engine (one per JVM), the render pool, the schedule runner on the
 * store (when a schedules file is given and valid) and the web interface over them.
 */
public final class ReportServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportServer.class);

    /**
     * Everything {@code kpikit serve} can be told. {@code config}, {@code store}, {@code dryRun} may be null; {@code secrets}:
     * where the config may name secret files.
     */
    public record Options(String host, int port, Path reports, Path data, Path users, Path config, SecretRoots secrets, StoreSettings store,
            Path dryRun, int renderThreads, int renderQueue, Path archive, int keepPdfDays) {
    }

    private final KpikitEngine engine;
    private final RenderPool pool;
    private final ScheduleRunner runner;
    private final WebServer web;

    private ReportServer(KpikitEngine engine, RenderPool pool, ScheduleRunner runner, WebServer web) {
        this.engine = engine;
        this.pool = pool;
        this.runner = runner;
        this.web = web;
    }

    public static ReportServer start(Options options) throws IOException, ReportFailedException, SQLException, SchedulerException {
        ReportFolder folder = new ReportFolder(options.reports(), options.data());
        KpikitEngine engine = KpikitEngine.start();
        RenderPool pool = null;
        ScheduleRunner runner = null;
        try {
            pool = new RenderPool(engine, options.renderThreads(), options.renderQueue());
            Schedules schedules = null;
            String configErrors = null;
            DeliveryArchive archive = null;
            if (options.config() != null) {
                try {
                    // a schedule may name only templates and data folders under the server's own roots
                    schedules = ScheduleFileReader.read(options.config(), ScheduleRoots.of(options.reports(), options.data(), options.secrets()));
                } catch (ScheduleValidationException e) {
                    configErrors = e.getMessage();
                    LOG.warn("{}: not valid, no schedule runs: {}", options.config(), e.getMessage());
                }
            }
            if (schedules != null) {
                StoreSettings store = options.store() != null ? options.store()
                        : schedules.store().orElseGet(StoreSettings::fromEnvironment);
                SmtpSettings smtp = schedules.smtp().orElseGet(SmtpSettings::fromEnvironment);
                MailTransport transport = options.dryRun() != null ? new EmlFolderTransport(options.dryRun())
                        : new SmtpTransport(smtp);
                archive = new DeliveryArchive(new BirtReportRenderer(() -> engine), options.archive(),
                        Duration.ofDays(Math.max(0, options.keepPdfDays())), java.time.Clock.systemUTC());
                runner = ScheduleRunner.start(schedules, store, archive, transport, smtp.from());
            }
            ScheduleDesk desk = new ScheduleDesk(schedules, configErrors, runner, archive);
            WebServer web = new WebServer(new WebServer.Settings(options.host(), options.port(), options.users(),
                    Duration.ofHours(8), 5, Duration.ofMinutes(15)), folder, pool, desk).start();
            return new ReportServer(engine, pool, runner, web);
        } catch (IOException | SQLException | SchedulerException | RuntimeException e) {
            if (runner != null) {
                runner.close();
            }
            if (pool != null) {
                pool.close();
            }
            engine.close();
            throw e;
        }
    }

    /** The engine every render of this process shares (tests build their own pools on it). */
    KpikitEngine engine() {
        return engine;
    }

    public int port() {
        return web.port();
    }

    /** Stops taking requests, lets running deliveries finish, then stops the engine. */
    @Override
    public void close() {
        web.close();
        if (runner != null) {
            runner.close();
        }
        pool.close();
        engine.close();
    }
}
