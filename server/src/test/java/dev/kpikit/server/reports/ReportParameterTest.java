package dev.kpikit.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.ReportFailedException;

/** The parameters of a design under the reports root, which its form and a run read before anything else. */
class ReportParameterTest {

    @TempDir
    Path reports;

    /**
     * A design cut off (a copy interrupted) or not XML at all was BIRT's EngineException: a stack trace in the log and
     * "The server failed" for the form and for every run. It is the command line's message, which the server answers with
     * 400; BIRT's engine is not reached (null here).
     */
    @Test
    void aDesignCutOffOrNotXmlIsRefusedNamingLineAndColumnBeforeBirtOpensIt() throws Exception {
        Path home = Path.of(System.getProperty("kpikit.home", "..")).toAbsolutePath().normalize();
        String design = Files.readString(home.resolve("report-templates/startup.rptdesign"));
        Path cut = Files.writeString(reports.resolve("cut.rptdesign"), design.substring(0, design.indexOf("<parameters>")));
        ReportFailedException e = assertThrows(ReportFailedException.class, () -> ReportParameter.of(null, cut.toString(), Locale.ENGLISH));
        assertEquals(cut + ", line " + design.substring(0, design.indexOf("<parameters>")).lines().count()
                + ", column 5: the report design is not well-formed XML (XML document structures must start and end within"
                + " the same entity)", e.getMessage());
        Path junk = Files.writeString(reports.resolve("junk.rptdesign"), "not xml\n");
        assertEquals(junk + " is not a report design (a .rptdesign file is XML with the root element <report>): line 1, column 1"
                + " is not XML (Content is not allowed in prolog)",
                assertThrows(ReportFailedException.class, () -> ReportParameter.of(null, junk.toString(), Locale.ENGLISH)).getMessage());
    }
}
