package dev.kpikit.bench.trials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.io.file.PathUtils;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.excel.ScoringWorkbook;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * N scored accounts to XLSX two ways: the key-accounts report through BIRT's XLSX emitter in streaming mode, and the
 * live scoring workbook (SXSSF from 20,000 accounts on). Both read the same generated folder (one revenue row an
 * account, as the streaming bench of the runner) and write every account's row.
 */
public final class ExcelTrials {

    private ExcelTrials() {
    }

    static Path folder(TrialContext context, long accounts, String name) throws Exception {
        Path folder = context.data().resolve(name + "-" + accounts);
        OdaDataSetBenchmark.generateIfMissing(folder, Math.toIntExact(accounts), accounts);
        return folder;
    }

    /** key-accounts.rptdesign with the emitter's streaming switched on, rendered to XLSX by kpikit's engine. */
    public static final class BirtEmitter implements Trial {

        private KpikitEngine engine;
        private Path design;

        @Override
        public void prepare(TrialContext context) throws Exception {
            Path templates = Files.createDirectories(context.scratch().resolve("templates"));
            PathUtils.copyDirectory(context.home().resolve("report-templates"), templates);
            design = templates.resolve("key-accounts.rptdesign");
            Files.writeString(design, streaming(Files.readString(design)));
            engine = KpikitEngine.start();
            context.record("engine start s", engine.startMillis() / 1000.0);
        }

        @Override
        public void warmUp(TrialContext context) throws Exception {
            render(context, folder(context, 2_000, "excel-accounts"));
        }

        @Override
        public long run(TrialContext context) throws Exception {
            Path xlsx = render(context, folder(context, context.size(), "excel-accounts"));
            context.record("xlsx MB", Files.size(xlsx) / 1e6);
            return context.size();
        }

        private Path render(TrialContext context, Path data) throws Exception {
            return engine.render(new RenderRequest(design, Map.of("dataFolder", data.toString()), List.of(OutputFormat.XLSX),
                    context.scratch().resolve("out"), Locale.ENGLISH, "key-accounts")).get(0);
        }

        /** The design with the report user property ExcelEmitter.StreamingXlsx set to true. */
        static String streaming(String design) {
            String userProperties = "    <list-property name=\"userProperties\">\n";
            String recalculation = "    <property name=\"ExcelEmitter.ForceRecalculation\">true</property>\n";
            if (!design.contains(userProperties) || !design.contains(recalculation)) {
                throw new IllegalStateException("key-accounts.rptdesign no longer declares its report user properties as expected");
            }
            return design.replaceFirst(userProperties, userProperties + """
                            <structure>
                                <property name="name">ExcelEmitter.StreamingXlsx</property>
                                <property name="type">boolean</property>
                            </structure>
                    """).replace(recalculation, recalculation + "    <property name=\"ExcelEmitter.StreamingXlsx\">true</property>\n");
        }
    }

    /** The same accounts scored by kpikit and written as the live scoring workbook, as {@code ./kpikit workbook} does. */
    public static final class WorkbookWriter implements Trial {

        @Override
        public void warmUp(TrialContext context) throws Exception {
            write(context, folder(context, 2_000, "excel-accounts"));
        }

        @Override
        public long run(TrialContext context) throws Exception {
            Path xlsx = write(context, folder(context, context.size(), "excel-accounts"));
            context.record("xlsx MB", Files.size(xlsx) / 1e6);
            return context.size();
        }

        private static Path write(TrialContext context, Path data) throws Exception {
            ScoringFolder folder = new ScoringFolder(data, ScoringFolder.defaultMapping());
            ScoringModel model = folder.model(null);
            LocalDate asOf = folder.asOfOrLatest(null);
            Portfolio portfolio = folder.portfolio(asOf, PeriodLength.YEAR, model);
            Path xlsx = context.scratch().resolve("scoring.xlsx");
            new ScoringWorkbook(model, portfolio, List.of(), new ScoringWorkbook.Info("bench", asOf, Locale.ENGLISH)).write(xlsx);
            return xlsx;
        }
    }
}
