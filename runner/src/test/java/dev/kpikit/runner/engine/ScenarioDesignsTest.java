package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four scenario designs are what report-templates/tools/ScenarioDesigns.java writes from its one
 * description and the shared parts (report-templates/tools/parts), and stay readable: one element per line.
 */
class ScenarioDesignsTest {

    static final List<String> SCENARIOS = List.of("startup", "consultancy", "agency", "restaurant");

    @Test
    void theCommittedDesignsAreWhatTheGeneratorWritesNow(@TempDir Path classes, @TempDir Path generated) throws Exception {
        Path tools = SharedEngine.template("tools");
        String classPath = System.getProperty("java.class.path");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-cp", classPath,
                "-d", classes.toString(), tools.resolve("ChartXml.java").toString(), tools.resolve("ScenarioDesigns.java").toString());
        assertEquals(0, compiled, "the generator compiles");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", classes + File.pathSeparator + classPath, "ScenarioDesigns",
                generated.toString()).directory(SharedEngine.home().toFile()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the generator did not finish");
        assertEquals(0, process.exitValue(), log);
        for (String name : SCENARIOS) {
            String committed = Files.readString(SharedEngine.template(name + ".rptdesign"));
            assertEquals(committed, Files.readString(generated.resolve(name + ".rptdesign")),
                    name + ".rptdesign is stale or edited by hand: run report-templates/tools/designs.sh");
        }
    }

    @Test
    void eachDesignHasOneElementPerLine() throws Exception {
        for (String name : SCENARIOS) {
            List<String> lines = Files.readAllLines(SharedEngine.template(name + ".rptdesign"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                // an element with only text inside may close on its line; a second element may not start there
                String afterFirstTag = line.replaceFirst("^<[^>]*>", "").replaceFirst("</[^>]*>$", "");
                assertTrue(line.length() < 1200 && !afterFirstTag.matches(".*<[a-zA-Z].*") || line.contains("<![CDATA["),
                        name + ".rptdesign line " + (i + 1) + " holds more than one element: " + line);
            }
        }
    }
}
