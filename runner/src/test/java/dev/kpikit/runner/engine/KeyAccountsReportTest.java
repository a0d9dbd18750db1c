package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.kpikit.data.Column;
import dev.kpikit.data.PortfolioTables;

/**
 * report-templates/key-accounts.rptdesign on sample-data/startup through the real engine: the
 * scoredAccounts and revenueConcentration data sets with their parameters (year to date and
 * by month, as of the latest revenue date 2026-10-31), the KeyAccount functions and the KA_*
 * aggregations. Figures as the core computes them (StartupSampleDataTest):
 *   Client A          42.9% of revenue  score 75.85  KEY       (by revenue share)
 *   Nordlys Robotics   4.4%             score 71.11  KEY       (strategic value 5, growth potential 5)
 *   Harbor Freight    11.5%             score 24.02  STANDARD  (big but cold)
 *   HHI 2,053 (HIGH), the five largest hold 64.8%.
 */
class KeyAccountsReportTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void render() throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-accounts.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("startup").toString()),
                List.of(OutputFormat.PDF, OutputFormat.XLSX), out, Locale.ENGLISH, "key-accounts"));
    }

    private static String pdf() throws Exception {
        return Outputs.pdfText(out.resolve("key-accounts.pdf")).replaceAll(" +", " ");
    }

    @Test
    void pdfShowsScoresTiersAndWhy() throws Exception {
        String text = pdf();
        // rank, name, revenue, share (KeyAccount.share), points, score, tier, KeyAccount.tier, KeyAccount.score, ABC, KA_PARETO_CLASS
        assertTrue(text.contains("1 Client A 558,447 42.9% 15.00 7.50 30.00 75.85 KEY KEY 75.85 A A"), text);
        String flowing = text.replaceAll("\\s+", " "); // an explanation may wrap in its cell
        assertTrue(flowing.contains("KEY: 43% of revenue, strategic value 4/5"), text);
        assertTrue(text.contains("2 Nordlys Robotics 57,576 4.4% 20.00 15.00 3.32 71.11 KEY KEY 71.11 A A"), text);
        assertTrue(flowing.contains("KEY: strategic value 5/5, growth potential 5/5"), text);
        assertTrue(text.contains("25 Harbor Freight 149,757 11.5% 5.00 0.00 8.63 24.02 STANDARD STANDARD 24.02 A A"), text);
        assertTrue(text.contains("Total 1,301,860"), text);
        String footer = text.replaceAll("\\s+", " ");
        assertTrue(footer.contains("Concentration (KA_HHI) 2,053 HIGH"), text);
        assertTrue(footer.contains("Top 5 share (KA_TOP_N_SHARE) 64.8%"), text);
        // the concentration data set, month by month
        var november = KeyAccountReviewReportTest.concentration(SharedEngine.sampleData("startup").resolve("revenue.csv"), "2024-11");
        String first = "Nov 1, 2024 Nov 30, 2024 " + ScenarioReports.format("#,##0", november.revenue().doubleValue(), Locale.ENGLISH)
                + " " + november.accounts() + " " + ScenarioReports.format("#,##0", november.hhi(), Locale.ENGLISH) + " "
                + november.band() + " " + ScenarioReports.format("0.0%", november.top1(), Locale.ENGLISH) + " "
                + ScenarioReports.format("0.0%", november.top5(), Locale.ENGLISH);
        assertTrue(text.contains(first), "missing '" + first + "' in " + text);
        assertTrue(text.contains("Oct 1, 2026 Oct 31, 2026"), text);
    }

    /** On every row the function KeyAccount.score gives the data set's score, and KA_PARETO_CLASS its ABC class. */
    @Test
    void functionsAndAggregationsAgreeWithTheDataSetOnEveryRow() throws Exception {
        Matcher rows = Pattern.compile("\\n(\\d+) [^\\n]*? ([\\d.]+) (KEY|GROWTH|MAINTAIN|STANDARD) \\S+ ([\\d.]+) ([ABC]) ([ABC])")
                .matcher(pdf());
        List<String> ranks = new ArrayList<>();
        while (rows.find()) {
            ranks.add(rows.group(1));
            assertEquals(rows.group(2), rows.group(4), "score of rank " + rows.group(1));
            assertEquals(rows.group(5), rows.group(6), "ABC class of rank " + rows.group(1));
        }
        assertEquals(40, ranks.size(), "one row per account");
    }

    @Test
    void xlsxHoldsScoresAsNumbers() throws Exception {
        try (Workbook workbook = Outputs.xlsx(out.resolve("key-accounts.xlsx"))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row nordlys = Outputs.rowWith(sheet, "Nordlys Robotics").orElseThrow();
            int name = -1;
            for (int i = nordlys.getFirstCellNum(); i < nordlys.getLastCellNum(); i++) {
                if ("Nordlys Robotics".equals(formatter.formatCellValue(nordlys.getCell(i)))) {
                    name = i;
                }
            }
            assertEquals(71.11, nordlys.getCell(name + 6).getNumericCellValue(), 1e-9);
            assertEquals("KEY", nordlys.getCell(name + 7).getStringCellValue());
            assertEquals(57576, nordlys.getCell(name + 1).getNumericCellValue(), 1);
        }
    }

    /** The ready-made data set's columns in the library are exactly what the driver returns. */
    @Test
    void libraryDeclaresTheDriversColumns() throws Exception {
        var library = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(SharedEngine.template("kpikit.rptlibrary").toFile());
        NodeList dataSets = library.getElementsByTagName("oda-data-set");
        Map<String, List<String>> expected = Map.of(
                "scoredAccounts", PortfolioTables.ACCOUNT_COLUMNS.stream().map(Column::name).toList(),
                "revenueConcentration", PortfolioTables.CONCENTRATION_COLUMNS.stream().map(Column::name).toList(),
                "keyAccountRevenue", List.of("period", "period_start", "group", "key_accounts", "revenue"));
        int checked = 0;
        for (int i = 0; i < dataSets.getLength(); i++) {
            Element dataSet = (Element) dataSets.item(i);
            List<String> columns = expected.get(dataSet.getAttribute("name"));
            if (columns == null) {
                continue;
            }
            List<String> declared = new ArrayList<>();
            NodeList lists = dataSet.getElementsByTagName("list-property");
            for (int j = 0; j < lists.getLength(); j++) {
                Element list = (Element) lists.item(j);
                if (list.getAttribute("name").equals("resultSet")) {
                    NodeList properties = list.getElementsByTagName("property");
                    for (int k = 0; k < properties.getLength(); k++) {
                        Element property = (Element) properties.item(k);
                        if (property.getAttribute("name").equals("name")) {
                            declared.add(property.getTextContent());
                        }
                    }
                }
            }
            assertEquals(columns, declared, dataSet.getAttribute("name"));
            checked++;
        }
        assertEquals(3, checked);
    }
}
