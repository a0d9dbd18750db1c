package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.quartz.SchedulerException;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.MailTransport;
import dev.kpikit.runner.mail.SmtpSettings;
import dev.kpikit.runner.schedule.BirtReportRenderer;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleRunner;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.Schedules;
import dev.kpikit.runner.schedule.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/**
 * {@code kpikit schedule run FILE}: fires the schedules until stopped. SIGTERM or Ctrl-C stops
 * firing new deliveries and lets the running ones finish before the process exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the schedules in the foreground until stopped (SIGTERM: running deliveries finish first).")
final class ScheduleRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The schedules file.")
    Path file;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The job store (default: the file's store section, KPIKIT_STORE_URL, or an H2 file in ~/.kpikit).")
    String store;

    @Mixin
    MailOptions mail = new MailOptions();

    @Mixin
    RootsOptions roots = new RootsOptions();

    @Override
    public Integer call() throws InterruptedException {
        Schedules schedules;
        StoreSettings storeSettings;
        try {
            schedules = ScheduleFileReader.read(file, roots.roots());
            schedules.warnings().forEach(w -> System.err.println("kpikit schedule run: warning: " + file + ": " + w));
            storeSettings = StoreOptions.resolve(store, file, roots.secrets.secretRoots());
        } catch (ScheduleValidationException e) {
            System.err.println("kpikit schedule run: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("kpikit schedule run: " + e.getMessage());
            return 2;
        }
        SmtpSettings smtp = schedules.smtp().orElseGet(SmtpSettings::fromEnvironment);
        MailTransport transport = mail.transport(smtp);
        LazyEngine engine = new LazyEngine();
        ScheduleRunner runner;
        try {
            runner = ScheduleRunner.start(schedules, storeSettings, new BirtReportRenderer(engine), transport, smtp.from());
        } catch (SQLException | SchedulerException e) {
            System.err.println("kpikit schedule run: " + e.getMessage());
            return 2;
        }
        // the engine takes seconds to start: warm it now, without holding up the scheduler
        Thread warm = new Thread(engine::get, "kpikit-engine-start");
        warm.setDaemon(true);
        warm.start();
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                System.err.println("kpikit schedule run: stopping; running deliveries finish first");
                runner.close();
                engine.close();
                System.err.println("kpikit schedule run: stopped");
            }
        };
        // SIGTERM and Ctrl-C end the wait below and the runner stops in this thread, so the exit code is 0 (left to the
        // JVM's own handler a signal ends the process with 128 + signal even after a clean stop); the hook covers the rest
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> stopRequested.countDown());
            } catch (IllegalArgumentException e) {
                // no such signal on this system: the shutdown hook stops the runner
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kpikit-shutdown"));
        System.out.printf("kpikit: running %d schedule(s) from %s; store %s; %s. Stop with Ctrl-C or SIGTERM.%n",
                schedules.enabled().size(), file, storeSettings, transport.describe());
        System.out.flush();
        stopRequested.await();
        stop.run();
        return 0;
    }

    /** The BIRT engine, started by the first delivery (or the warm-up thread), once. */
    static final class LazyEngine implements java.util.function.Supplier<KpikitEngine> {
        private KpikitEngine engine;

        @Override
        public synchronized KpikitEngine get() {
            if (engine == null) {
                try {
                    engine = KpikitEngine.start();
                } catch (ReportFailedException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            return engine;
        }

        synchronized void close() {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
