package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/**
 * Every case of the bad-input corpus ({@code src/test/resources/bad-input/<case>/}) is run
 * through the real command line, in process, as {@link KpikitCommand#main} runs it, and must be
 * refused: exit code 1, one message on stderr that names what the case's {@code expect} lines
 * say, no stack trace or exception class name, and an output folder left byte for byte as the
 * previous good run of the same command wrote it. See {@link BadInputCase} for the case format.
 */
class BadInputCorpusTest {

    /** A Java exception or error class name, as a careless message would show it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b\\w+(Exception|Error)\\b|\\b(java|javax|jakarta)\\.[a-z]+\\.|\\b(org|com)\\.[a-z]+\\.[a-z]+\\.");
    /** A log line (slf4j-simple's shape) printed besides the message. */
    private static final Pattern LOG_LINE = Pattern.compile("(?m)^\\S+ \\S+ \\[[^\\]]+\\] (WARN|ERROR|INFO|DEBUG) ");

    static Stream<Named<Path>> corpus() throws IOException {
        Path root = SharedEngine.home().resolve("runner/src/test/resources/bad-input");
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> cases = folders.filter(Files::isDirectory).sorted().toList();
            assertFalse(cases.isEmpty(), "no case folder under " + root);
            return cases.stream().map(folder -> Named.of(folder.getFileName().toString(), folder));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithOneClearMessageAndTheGoodOutputKept(Path caseFolder, @TempDir Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve(caseFolder.getFileName().toString()));
        try (Stream<Path> files = Files.list(caseFolder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(BadInputCase.PROPERTIES)) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        BadInputCase.read(caseFolder.resolve(BadInputCase.PROPERTIES)).assertRefused(dir, work.resolve("out"));
    }

    /**
     * One case of the corpus: {@code args} (the CLI's arguments, split on whitespace, with
     * {@code {dir} {out} {samples} {templates}}), {@code expect}, {@code expect.2}, ... (text the
     * message must contain), {@code forbid}, {@code forbid.2}, ... (text it must not show, such as a
     * password) and, for a command that writes into {@code {out}}, the good run made
     * first: {@code good.args} (its own arguments) or {@code good} (a sample-data folder put in
     * for {@code {dir}}; default startup).
     */
    record BadInputCase(String name, String args, List<String> expected, List<String> forbidden, String goodArgs) {

        static final String PROPERTIES = "case.properties";
        /** The files of each good command already run in this JVM. */
        private static final Map<String, Map<String, byte[]>> GOOD_OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

        static BadInputCase read(Path file) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String args = properties.getProperty("args");
            assertTrue(args != null && !args.isBlank(), file + ": no args");
            return of(file.getParent().getFileName().toString(), args, properties.getProperty("good.args"),
                    properties.getProperty("good", "startup"), numbered(properties, "expect"))
                    .forbidding(numbered(properties, "forbid"));
        }

        /** key, key.2, key.3, ... as long as they go on. */
        private static List<String> numbered(Properties properties, String key) {
            List<String> values = new ArrayList<>();
            if (properties.getProperty(key) != null) {
                values.add(properties.getProperty(key));
            }
            for (int i = 2; properties.getProperty(key + "." + i) != null; i++) {
                values.add(properties.getProperty(key + "." + i));
            }
            return values;
        }

        BadInputCase forbidding(List<String> texts) {
            return new BadInputCase(name, args, expected, List.copyOf(texts), goodArgs);
        }

        /** A case made in code (the generated ones); goodArgs may be null for the good sample folder put in for {dir}. */
        static BadInputCase of(String name, String args, String goodArgs, String goodFolder, List<String> expected) {
            assertFalse(expected.isEmpty(), name + ": no expect line");
            String good = goodArgs != null ? goodArgs
                    : args.replace("{dir}", Matcher.quoteReplacement(SharedEngine.sampleData(goodFolder).toString()));
            return new BadInputCase(name, args, List.copyOf(expected), List.of(), good);
        }

        void assertRefused(Path dir, Path out) throws IOException {
            Files.createDirectories(out);
            Map<String, byte[]> before = Map.of();
            if (args.contains("{out}")) {
                before = goodOutput(dir, out);
                assertFalse(before.isEmpty(), name + ": the good run wrote nothing into {out}");
            }
            Run bad = Run.cli(arguments(args, dir, out));
            String message = bad.err();
            assertEquals(1, bad.exitCode(), name + ": exit code; stderr: " + message);
            assertFalse(message.isBlank(), name + ": no message on stderr");
            assertFalse(message.contains("\tat ") || message.contains("\n\tat"), name + ": a stack trace: " + message);
            Matcher className = CLASS_NAME.matcher(message);
            if (className.find()) {
                fail(name + ": a class name (" + className.group() + ") in: " + message);
            }
            assertFalse(LOG_LINE.matcher(message).find(), name + ": a log line besides the message: " + message);
            for (String text : expected) {
                assertTrue(message.contains(text), name + ": expected '" + text + "' in: " + message);
            }
            for (String text : forbidden) {
                assertFalse(message.contains(text) || bad.out().contains(text), name + ": '" + text + "' shown in: " + message);
            }
            Map<String, byte[]> after = snapshot(out);
            assertEquals(before.keySet(), after.keySet(), name + ": files in {out} before and after the bad run");
            before.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, after.get(file)), name + ": " + file + " changed"));
        }

        static List<String> arguments(String args, Path dir, Path out) {
            Path home = SharedEngine.home();
            return Arrays.stream(args.strip().split("\\s+"))
                    .map(arg -> arg.replace("{dir}", dir.toString()).replace("{out}", out.toString())
                            .replace("{samples}", home.resolve("sample-data").toString())
                            .replace("{templates}", home.resolve("report-templates").toString()))
                    .toList();
        }

        /**
         * Puts the good run's files into {@code out}. Cases with the same good command share one
         * run (a render takes seconds): its files are copied, byte for byte what it wrote.
         */
        private Map<String, byte[]> goodOutput(Path dir, Path out) throws IOException {
            boolean shared = !goodArgs.contains("{dir}");
            Map<String, byte[]> files = shared ? GOOD_OUTPUTS.get(goodArgs) : null;
            if (files == null) {
                Run good = Run.cli(arguments(goodArgs, dir, out));
                assertEquals(0, good.exitCode(), name + ": the good run (good= or good.args=) failed first: " + good.err());
                files = snapshot(out);
                if (shared) {
                    GOOD_OUTPUTS.put(goodArgs, files);
                }
                return files;
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = out.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return files;
        }

        /** Every file under the folder (relative path to bytes). */
        private static Map<String, byte[]> snapshot(Path folder) throws IOException {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            return files;
        }
    }

    /**
     * What a user sees of one run of the CLI: picocli executes {@link KpikitCommand} as its main
     * method does (exceptions that escape a command become a stack trace and exit code 1), with
     * System.out and System.err captured, since some commands and the log print there. Render
     * commands borrow the shared engine: BIRT's platform is global and costs a second to start.
     */
    record Run(int exitCode, String out, String err) {

        static synchronized Run cli(List<String> args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream systemOut = System.out;
            PrintStream systemErr = System.err;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                CommandLine cli = new CommandLine(new KpikitCommand(), new SharedEngineFactory(args.get(0).equals("render")));
                cli.setOut(new PrintWriter(System.out, true));
                cli.setErr(new PrintWriter(System.err, true));
                int exitCode = cli.execute(args.toArray(String[]::new));
                System.out.flush();
                System.err.flush();
                return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(systemOut);
                System.setErr(systemErr);
            }
        }
    }

    /** picocli's default factory, but a render command renders with the test JVM's one engine. */
    private static final class SharedEngineFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory defaults = CommandLine.defaultFactory();
        private final boolean render;

        SharedEngineFactory(boolean render) {
            this.render = render;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K created = defaults.create(type);
            if (render && created instanceof RenderCommand command) {
                command.engine = SharedEngine.get();
            }
            return created;
        }
    }
}
