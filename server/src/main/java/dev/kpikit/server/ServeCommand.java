package dev.kpikit.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.kpikit.runner.cli.SecretRootsOptions;
import dev.kpikit.runner.schedule.StoreSettings;
import dev.kpikit.server.auth.Role;
import dev.kpikit.server.auth.UsersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpikit serve}: the web interface and the schedules of the config, in one process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve reports, schedules and deliveries in a browser, and run the schedules of --config.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}; --demo: 127.0.0.1).")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "A schedules file (as for 'kpikit schedule run').")
    Path config;

    @Option(names = "--reports", paramLabel = "DIR", description = "The reports root: its *.rptdesign are the reports (default: report-templates).")
    Path reports;

    @Option(names = "--data", paramLabel = "DIR", description = "The data root: its folders are the data folders a request may name (default: sample-data).")
    Path data;

    @Mixin
    SecretRootsOptions secrets = new SecretRootsOptions();

    @Option(names = "--users", paramLabel = "FILE", defaultValue = "users.yaml", description = "The users file (default: ${DEFAULT-VALUE}).")
    Path users;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The job store (default: the config's store section, KPIKIT_STORE_URL, or an H2 file in ~/.kpikit).")
    String store;

    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "out/mail", paramLabel = "DIR",
            description = "Write each message as an .eml file into DIR instead of sending.")
    Path dryRun;

    @Option(names = "--render-threads", defaultValue = "2", description = "Renders at the same time (default: ${DEFAULT-VALUE}).")
    int renderThreads;

    @Option(names = "--render-queue", defaultValue = "50", description = "Renders waiting beyond those; more are refused with 503 (default: ${DEFAULT-VALUE}).")
    int renderQueue;

    @Option(names = "--keep-pdf-days", defaultValue = "30", description = "Days to keep each delivery's PDF for downloading again; 0: none (default: ${DEFAULT-VALUE}).")
    int keepPdfDays;

    @Option(names = "--archive", paramLabel = "DIR", description = "Where the delivered PDFs are kept (default: ~/.kpikit/deliveries; --demo: out/serve-demo/deliveries).")
    Path archive;

    @Option(names = "--demo", description = "The samples: reports of report-templates, data of sample-data, schedules/example.yaml writing"
            + " mail to out/mail, a store and users file in out/serve-demo, and a new admin whose one-time password is printed.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("kpikit.home", ".")).toAbsolutePath().normalize();
        if (reports == null) {
            reports = home.resolve("report-templates");
        }
        if (data == null) {
            data = home.resolve("sample-data");
        }
        StoreSettings storeSettings = store == null ? null : fromUrl(store);
        String demoPassword = null;
        if (demo) {
            Path demoFolder = home.resolve("out/serve-demo");
            Files.createDirectories(demoFolder);
            users = demoFolder.resolve("users.yaml");
            if (config == null) {
                config = home.resolve("schedules/example.yaml");
            }
            if (dryRun == null) {
                dryRun = home.resolve("out/mail");
            }
            if (storeSettings == null) {
                storeSettings = StoreSettings.h2(demoFolder.resolve("store"));
            }
            if (archive == null) {
                archive = demoFolder.resolve("deliveries");
            }
            if (host.equals("0.0.0.0")) {
                host = "127.0.0.1";
            }
            demoPassword = oneTimePassword();
            UsersFile.read(users).put("admin", Role.ADMIN, demoPassword);
        }
        for (Path root : new Path[] {reports, data}) {
            if (!Files.isDirectory(root)) {
                System.err.println("kpikit serve: no folder " + root.toAbsolutePath());
                return 1;
            }
        }
        if (!demo) {
            // a missing file, an empty one or one without users: a server nobody could log in to, which said nothing
            String none = !Files.exists(users) ? "no users file " + users.toAbsolutePath() : null;
            try {
                if (none == null && UsersFile.read(users).users().isEmpty()) {
                    none = "no users in " + users.toAbsolutePath();
                }
            } catch (java.io.IOException e) {
                System.err.println("kpikit serve: " + e.getMessage());
                return 1;
            }
            if (none != null) {
                System.err.println("kpikit serve: " + none + "; add a user first: kpikit users add NAME --role admin --users " + users);
                return 1;
            }
        }
        ReportServer server;
        try {
            server = ReportServer.start(new ReportServer.Options(host, port, reports, data, users, config, secrets.secretRoots(), storeSettings,
                    dryRun, renderThreads, renderQueue,
                    archive != null ? archive : Path.of(System.getProperty("user.home"), ".kpikit", "deliveries"), keepPdfDays));
        } catch (java.io.IOException | java.sql.SQLException | org.quartz.SchedulerException
                | dev.kpikit.runner.engine.ReportFailedException e) {
            System.err.println("kpikit serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("kpikit serve: stopping; running deliveries finish first");
            server.close();
            stopped.countDown();
        }, "kpikit-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.printf("kpikit: serving http://%s:%d/ (reports %s, data %s, users %s%s). Stop with Ctrl-C.%n", shownHost,
                server.port(), reports, data, users, config == null ? "" : ", schedules " + config);
        if (demoPassword != null) {
            System.out.printf("kpikit: demo login: user admin, one-time password %s%n", demoPassword);
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** As 'kpikit schedule run --store': user and password from KPIKIT_STORE_USER / KPIKIT_STORE_PASSWORD. */
    static StoreSettings fromUrl(String url) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        return new StoreSettings(url, System.getenv().getOrDefault("KPIKIT_STORE_USER", postgres ? null : "sa"),
                () -> System.getenv().getOrDefault("KPIKIT_STORE_PASSWORD", postgres ? null : ""), postgres);
    }

    private static String oneTimePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
