package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kpikit.runner.engine.SharedEngine;

/** kpikit's command line run as a user runs it, in a JVM of its own: its exit code and what it printed. */
record KpikitRun(int exit, String stdout, String stderr) {

    /**
     * Runs {@code kpikit args...}, its output kept in files under {@code dir}; the test fails when it has not finished
     * within {@code timeout}.
     */
    static KpikitRun of(Path dir, Duration timeout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Xss512k", "-XX:TieredStopAtLevel=1",
                // as a UTF-8 terminal would; a POSIX locale would print non-ASCII names as '?'
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dkpikit.home=" + SharedEngine.home(),
                "dev.kpikit.runner.cli.KpikitCommand"));
        command.addAll(args);
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), "kpikit " + String.join(" ", args) + " did not finish");
        return new KpikitRun(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
