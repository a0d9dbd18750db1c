package dev.kpikit.runner.engine;

import java.nio.file.Path;

/**
 * One real BIRT engine per test JVM: BIRT's platform is global, and starting it costs
 * about a second. Tests render real report designs with it.
 */
public final class SharedEngine {

    private static KpikitEngine engine;

    private SharedEngine() {
    }

    public static synchronized KpikitEngine get() throws ReportFailedException {
        if (engine == null) {
            engine = KpikitEngine.start();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** The repository's root (report-templates/, sample-data/). */
    public static Path home() {
        return Path.of(System.getProperty("kpikit.home", "..")).toAbsolutePath().normalize();
    }

    public static Path template(String name) {
        return home().resolve("report-templates").resolve(name);
    }

    public static Path sampleData(String scenario) {
        return home().resolve("sample-data").resolve(scenario);
    }
}
