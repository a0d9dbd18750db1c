package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kpikit.runner.engine.SharedEngine;

/**
 * {@code kpikit schedule run FILE --store URL} in its own JVM (the test class path), output in a
 * log file. Always closed by the test: a runner left alive would deliver into the next test.
 */
final class RunnerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private RunnerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RunnerProcess start(Path schedules, String storeUrl, Path log) throws IOException {
        return start(schedules, storeUrl, log, List.of(), Map.of());
    }

    /** With system properties ({@code -Dname=value}) and environment variables of its own. */
    static RunnerProcess start(Path schedules, String storeUrl, Path log, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dkpikit.home=" + SharedEngine.home()));
        command.addAll(jvmOptions);
        command.addAll(List.of("dev.kpikit.runner.cli.KpikitCommand", "schedule", "run", schedules.toString(), "--store", storeUrl));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new RunnerProcess(builder.start(), log);
    }

    /** SIGKILL: the runner gets no chance to clean up, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful stop; the exit code, or -1 if it did not stop in time. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, without waiting. */
    void signalTerm() {
        process.destroy();
    }

    /** The exit code, or -1 if the runner did not exit in time. */
    int awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits until the log shows {@code text}; fails with the log when the runner died or time ran out. */
    void awaitLog(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("runner exited (" + process.exitValue() + ") before logging '" + text + "':\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("runner did not log '" + text + "' within " + within + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
