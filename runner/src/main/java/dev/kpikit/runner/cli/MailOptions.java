package dev.kpikit.runner.cli;

import java.nio.file.Path;

import dev.kpikit.runner.mail.EmlFolderTransport;
import dev.kpikit.runner.mail.MailTransport;
import dev.kpikit.runner.mail.SmtpSettings;
import dev.kpikit.runner.mail.SmtpTransport;
import picocli.CommandLine.Option;

/** --dry-run[=DIR]: write .eml files instead of sending (a picocli mixin of run and send). */
final class MailOptions {

    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "out/mail", paramLabel = "DIR",
            description = "Write each message as an .eml file into DIR (default out/mail) instead of sending.")
    Path dryRun;

    MailTransport transport(SmtpSettings smtp) {
        return dryRun != null ? new EmlFolderTransport(dryRun) : new SmtpTransport(smtp);
    }
}
