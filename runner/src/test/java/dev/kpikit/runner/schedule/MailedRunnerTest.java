package dev.kpikit.runner.schedule;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.mail.SmtpTransport;

/**
 * What tests of a runner in this JVM share: a GreenMail server on loopback started before each test, the runner
 * under test (Quartz on an H2 file in the test's folder, the real BIRT engine, mail over SMTP), both stopped after it.
 */
abstract class MailedRunnerTest {

    @TempDir
    Path folder;
    GreenMail greenMail;
    ScheduleRunner runner;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stopRunnerAndMailServer() {
        if (runner != null) {
            runner.close();
        }
        greenMail.stop();
    }

    /** Starts the runner of {@code schedules} on the test folder's store, mailing through their SMTP settings. */
    ScheduleRunner startRunner(Schedules schedules) throws Exception {
        runner = ScheduleRunner.start(schedules, StoreSettings.h2(folder.resolve("store")),
                new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                schedules.smtp().orElseThrow().from());
        return runner;
    }
}
