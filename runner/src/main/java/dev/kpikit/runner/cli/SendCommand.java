package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.kpikit.data.CsvReading;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.Addresses;
import dev.kpikit.runner.mail.SmtpSettings;
import dev.kpikit.runner.schedule.AsOfRule;
import dev.kpikit.runner.schedule.BirtReportRenderer;
import dev.kpikit.runner.schedule.DeliveryRecord;
import dev.kpikit.runner.schedule.DeliveryService;
import dev.kpikit.runner.schedule.DeliveryStatus;
import dev.kpikit.runner.schedule.Destinations;
import dev.kpikit.runner.schedule.DeliveryStore;
import dev.kpikit.runner.schedule.Fire;
import dev.kpikit.runner.schedule.LeaseKeeper;
import dev.kpikit.runner.schedule.NextAttempts;
import dev.kpikit.runner.schedule.OnExcludedDay;
import dev.kpikit.runner.schedule.RetryPolicy;
import dev.kpikit.runner.schedule.Schedule;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.Schedules;
import dev.kpikit.runner.schedule.SendWhen;
import dev.kpikit.runner.schedule.RunnerSettings;
import dev.kpikit.runner.schedule.StoreDatabase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpikit send}: one delivery now, recorded in the history like a scheduled one. */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Render a report and mail it now.")
final class SendCommand implements Callable<Integer> {

    static final class What {
        @Option(names = "--scenario", paramLabel = "NAME", description = "report-templates/NAME.rptdesign on sample-data/NAME (when that folder exists).")
        String scenario;

        @Option(names = "--template", paramLabel = "FILE", description = "Any .rptdesign.")
        Path template;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--to", required = true, split = ",", paramLabel = "ADDR", description = "Recipient(s).")
    List<String> to;

    @Option(names = "--cc", split = ",", paramLabel = "ADDR", description = "Copy recipient(s).")
    List<String> cc = List.of();

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (report parameter dataFolder).")
    Path data;

    @Option(names = "--format", split = ",", defaultValue = "pdf", paramLabel = "FORMAT", description = "pdf and/or xlsx (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Report locale (default: ${DEFAULT-VALUE}).")
    String locale;

    @Mixin
    CsvReadingOptions csv = new CsvReadingOptions();

    @Option(names = "--as-of", defaultValue = "end of last month", paramLabel = "RULE", description = "As-of rule for the period (default: ${DEFAULT-VALUE}).")
    String asOf;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "SMTP server (default: the --config file's smtp section, else KPIKIT_SMTP_*).")
    String smtpHostPort;

    @Option(names = "--config", paramLabel = "FILE", description = "A schedules file whose smtp and store sections to use.")
    Path config;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Where to record the delivery (default as for schedule run).")
    String store;

    @Mixin
    SecretRootsOptions secrets = new SecretRootsOptions();

    @Mixin
    MailOptions mail = new MailOptions();

    /**
     * --smtp HOST or HOST:PORT ([::1]:25 for an IPv6 address). A port that is no number said Java's "For input string"
     * after the report was rendered; an empty host sent to localhost.
     */
    private static SmtpSettings smtpAt(SmtpSettings smtp, String hostPort) {
        String text = hostPort.strip();
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon >= 0 && !text.endsWith("]") && text.indexOf(':') == colon || text.startsWith("[") && colon > text.indexOf(']');
        String host = hasPort ? text.substring(0, colon) : text;
        String port = hasPort ? text.substring(colon + 1) : String.valueOf(smtp.port());
        if (host.isBlank() || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--smtp '" + hostPort + "': expected HOST or HOST:PORT with a port from 1 to 65535"
                    + " (e.g. smtp.example.com:587)");
        }
        return smtp.at(host, Integer.parseInt(port));
    }

    @Override
    public Integer call() {
        try {
            Optional<Schedules> configured = config == null ? Optional.empty() : Optional.of(ScheduleFileReader.readSettings(config, secrets.secretRoots()));
            SmtpSettings smtp = configured.flatMap(Schedules::smtp).orElseGet(SmtpSettings::fromEnvironment);
            if (smtpHostPort != null) {
                smtp = smtpAt(smtp, smtpHostPort);
            }
            Schedule schedule = schedule();
            try (KpikitEngine engine = KpikitEngine.start();
                    StoreDatabase database = StoreDatabase.open(StoreOptions.resolve(store, config, secrets.secretRoots()), 3)) {
                RunnerSettings runner = RunnerSettings.DEFAULT;
                DeliveryStore deliveries = new DeliveryStore(database.dataSource(), runner.lease(), Clock.systemUTC());
                try (LeaseKeeper leases = new LeaseKeeper(deliveries, runner.heartbeat())) {
                    Schedules one = new Schedules(Optional.of(smtp), Optional.empty(), runner, List.of(schedule));
                    DeliveryService service = new DeliveryService(() -> one, deliveries, leases,
                            new BirtReportRenderer(() -> engine), mail.transport(smtp), smtp.from(), "send", Clock.systemUTC(),
                            NextAttempts.IN_THIS_THREAD, false); // the history row printed below tells the outcome
                    Instant now = Instant.now();
                    DeliveryRecord result = service.deliver(new Fire(schedule.id(), now, now, false, false));
                    ScheduleHistoryCommand.print(List.of(result));
                    return result.status() == DeliveryStatus.SENT ? 0 : 1;
                }
            }
        } catch (ScheduleValidationException | IllegalArgumentException | ReportFailedException e) {
            System.err.println("kpikit send: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException e) {
            System.err.println("kpikit send: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private Schedule schedule() {
        CsvReading reading = csv.reading(); // a wrong one said before BIRT starts
        Path design = what.template;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (what.scenario != null) {
            design = KpikitCommand.home().resolve("report-templates").resolve(what.scenario + ".rptdesign");
            Path sample = KpikitCommand.home().resolve("sample-data").resolve(what.scenario);
            if (Files.isDirectory(sample)) {
                parameters.put(RenderCommand.DATA_FOLDER_PARAMETER, sample.toString());
            }
        }
        if (!Files.isRegularFile(design)) {
            throw new IllegalArgumentException("no report design at " + design.toAbsolutePath());
        }
        if (data != null) {
            parameters.put(RenderCommand.DATA_FOLDER_PARAMETER, data.toAbsolutePath().normalize().toString());
        }
        List<OutputFormat> outputs = formats.stream().map(OutputFormat::parse).toList();
        String id = "send." + design.getFileName().toString().replaceFirst("\\.rptdesign$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return new Schedule(id, design.toAbsolutePath().normalize(), parameters, AsOfRule.parse(asOf), null,
                Locale.forLanguageTag(locale), outputs, "-", ZoneId.systemDefault(),
                to.stream().map(Addresses::parse).toList(), cc.stream().map(Addresses::parse).toList(), List.of(), null,
                Schedule.DEFAULT_SUBJECT, Schedule.DEFAULT_BODY, List.of(), RetryPolicy.DEFAULT, false, true, null,
                OnExcludedDay.SKIP, SendWhen.ALWAYS, Destinations.MAIL_ONLY, reading);
    }
}
