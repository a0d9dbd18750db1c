package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.model.api.ReportDesignHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-templates/designer-templates: the .rpttemplate files the BIRT Designer's New Report
 * wizard offers are what report-templates/tools/DesignerTemplates.java writes from the
 * .rptdesign files now (one source of truth), carry the properties the wizard reads, and open
 * and render in the BIRT engine from their own folder (library, texts and sample data found).
 */
class DesignerTemplatesTest {

    static Path folder() {
        return SharedEngine.template("designer-templates");
    }

    static List<Path> committed() throws Exception {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.toString().endsWith(".rpttemplate")).sorted().toList();
        }
    }

    @Test
    void theCommittedTemplatesAreWhatTheGeneratorWritesNow(@TempDir Path generated) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "report-templates/tools/DesignerTemplates.java", generated.toString())
                .directory(SharedEngine.home().toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the generator did not finish");
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
        List<String> written;
        try (Stream<Path> files = Files.list(generated)) {
            written = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(committed().stream().map(f -> f.getFileName().toString()).toList(), written,
                "run report-templates/tools/templates.sh and commit its output");
        assertTrue(written.containsAll(List.of("consultancy.rpttemplate", "restaurant.rpttemplate")), written.toString());
        for (String name : written) {
            assertArrayEquals(Files.readAllBytes(folder().resolve(name)), Files.readAllBytes(generated.resolve(name)),
                    name + " is stale: run report-templates/tools/templates.sh");
        }
    }

    @Test
    void eachTemplateHasWhatTheWizardShowsAndRendersFromItsFolder(@TempDir Path out) throws Exception {
        for (Path template : committed()) {
            String name = template.getFileName().toString().replace(".rpttemplate", "");
            IReportRunnable runnable = SharedEngine.get().birt().openReportDesign(template.toString());
            ReportDesignHandle design = (ReportDesignHandle) runnable.getDesignHandle();
            assertTrue(design.getDisplayName() != null && design.getDisplayName().startsWith("kpikit "), name);
            assertTrue(design.getDescription() != null && design.getDescription().length() > 40, name);
            assertEquals("designer-templates/" + name + ".png", design.getIconFile(), name);
            byte[] png = Files.readAllBytes(folder().resolve(name + ".png"));
            assertArrayEquals(png, design.getThumbnail(), name + ": embedded thumbnail");
            assertTrue(png.length > 1000 && png.length < 100_000, name + ": thumbnail of " + png.length + " bytes");
            assertFalse(design.getAllLibraries().isEmpty(), name + ": the library resolves from the template folder");

            Path dir = out.resolve(name);
            SharedEngine.get().render(new RenderRequest(template, Map.of(), List.of(OutputFormat.PDF), dir, Locale.ENGLISH, name));
            Path pdf = dir.resolve(name + ".pdf");
            String text = ScenarioReports.flat(Outputs.pdfText(pdf));
            Properties texts = ScenarioReports.texts(Locale.ENGLISH);
            String title = texts.getProperty(name + ".title", design.getStringProperty("title"));
            assertTrue(text.contains(title), name + ": title '" + title + "' from ../i18n");
            assertTrue(text.contains(texts.getProperty("common.section.keyAccounts")), name); // every report has it
            assertTrue(Outputs.pdfPages(pdf) >= 2, name);
            assertTrue(ScenarioReports.pdfImages(pdf) >= 10, name + ": bullets, bars and charts with the sample data");
        }
    }
}
