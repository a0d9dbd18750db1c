package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/** {@code kpikit render --scenario} and the list {@code kpikit demo} renders, without starting BIRT. */
class ScenarioCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int render(String... args) {
        RenderCommand command = new RenderCommand();
        command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    @Test
    void anUnknownScenarioIsRefusedListingTheScenarios() {
        assertEquals(2, render("--scenario", "bakery"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("kpikit render: unknown scenario 'bakery'; the scenarios are: "), message);
        assertTrue(message.contains("agency") && message.contains("startup"), message);
        assertTrue(!message.contains("key-account-review"), "a report without its own sample folder is no scenario: " + message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void templateAndScenarioTogetherOrNeitherAreRefused() {
        assertEquals(2, render("--scenario", "startup", "--template", "report-templates/startup.rptdesign"));
        assertEquals(2, render("--format", "pdf"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("give either --template FILE or --scenario NAME"));
    }

    @Test
    void scenariosAreTheDesignsWithASampleFolder() {
        List<String> available = Scenarios.available(SharedEngine.home());
        assertTrue(available.containsAll(List.of("agency", "startup")), available.toString());
        for (String name : available) {
            assertTrue(Files.isRegularFile(Scenarios.design(SharedEngine.home(), name)) && Files.isDirectory(Scenarios.data(SharedEngine.home(), name)));
        }
    }

    @Test
    void demoRendersTheFourScenariosThenTheReviewOnTheStartupSample() {
        List<DemoCommand.Job> jobs = new DemoCommand().jobs(SharedEngine.home());
        assertEquals(List.of("startup", "consultancy", "agency", "restaurant", "key-account-review"), jobs.stream().map(DemoCommand.Job::name).toList());
        assertEquals(SharedEngine.sampleData("startup"), jobs.get(4).data());
        assertEquals(SharedEngine.template("agency.rptdesign"), jobs.get(2).design());
    }
}
