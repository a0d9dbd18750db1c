package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * BIRT's script function Formatter.format keeps the report's locale in a field that every concurrent report run
 * shares (org.eclipse.birt.core.script.function.bre.Formatter, BIRT 4.22): a report rendered beside another in a
 * different language may get its dates. kpikit's templates format dates with KPI.formatDate instead; this keeps
 * Formatter.format from coming back unnoticed (ConcurrentRenderTest catches the race only when it happens).
 */
class TemplatesFormatDatesSafelyTest {

    @Test
    void noTemplateUsesBirtsSharedFormatter() throws Exception {
        try (Stream<Path> files = Files.walk(SharedEngine.home().resolve("report-templates"))) {
            List<String> using = files.filter(file -> file.toString().matches(".*\\.rpt(design|library|template)$"))
                    .filter(file -> {
                        try {
                            return Files.readString(file).contains("Formatter.format(");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(file -> SharedEngine.home().relativize(file).toString()).sorted().toList();
            assertEquals(List.of(), using, "use KPI.formatDate(date, style), which takes the report's own locale");
        }
    }
}
