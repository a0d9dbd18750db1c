package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/** {@code kpikit score} on the startup sample: the model can be checked without a report. */
class ScoreCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int score(String... args) {
        ScoreCommand command = new ScoreCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private static String startup() {
        return SharedEngine.sampleData("startup").toString();
    }

    @Test
    void csvListsEveryAccountWithItsContributions() {
        assertEquals(0, score("--data", startup()));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(41, lines.size(), "header and 40 accounts");
        assertTrue(lines.get(0).startsWith("rank,account_id,name,segment,revenue,revenue_share,"), lines.get(0));
        assertTrue(lines.get(0).contains("strategic_value_normalised,strategic_value_points"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,C01,Client A,Enterprise,558447.08,"), lines.get(1));
        assertTrue(lines.get(1).contains(",75.85,KEY,KEY,A,555,"), lines.get(1));
        assertTrue(lines.get(1).endsWith("\"KEY: 43% of revenue, strategic value 4/5\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,C03,Nordlys Robotics,"), lines.get(2));
        assertEquals("kpikit score: 40 accounts as of 2026-10-31, year to date, model 'kpikit default'",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void jsonWithAnEarlierAsOfDateAndAQuarter() throws Exception {
        assertEquals(0, score("--data", startup(), "--format", "json", "--as-of", "2026-06-30", "--period", "quarter"));
        JsonNode accounts = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(40, accounts.size());
        JsonNode first = accounts.get(0);
        assertEquals(1, first.get("rank").asInt());
        assertTrue(first.get("score").isNumber());
        // the points of all factors add up to the score
        double points = 0;
        for (var field : first.properties()) {
            if (field.getKey().endsWith("_points") && field.getValue().isNumber()) {
                points += field.getValue().asDouble();
            }
        }
        assertEquals(first.get("score").asDouble(), points, 1e-9);
    }

    @Test
    void aBadModelIsNamedWithLineColumnAndField(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\n  \"factors\": [\n    {\"id\": \"strategic_value\", \"weight\": \"heavy\"}\n  ]\n}\n");
        assertEquals(1, score("--data", startup(), "--model", model.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("kpikit score: model.json, line 3, column "), message);
        assertTrue(message.contains("factors[0].weight"), message);
        assertEquals(1, score("--data", startup(), "--period", "fortnight"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'fortnight' is not a period length"));
    }
}
