package dev.kpikit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kpikit.kpi.KpiCatalog;
import dev.kpikit.kpi.KpiDefinition;

/**
 * Every scenario's catalog loads and has a label for each KPI in every product language besides
 * English (which is the catalog's own text), and in no other language.
 */
class SampleCatalogLabelsTest {

    private static final List<String> LANGUAGES = List.of("nl", "it", "nb", "fr", "es");

    @ParameterizedTest
    @ValueSource(strings = {"agency", "consultancy", "restaurant", "startup"})
    void everyKpiHasALabelInEveryProductLanguage(String scenario) throws Exception {
        Path folder = SampleData.folder(scenario);
        KpiCatalog catalog = KpiCatalog.load(folder.resolve("kpi-catalog.json"));
        Set<String> keys = new TreeSet<>();
        for (KpiDefinition kpi : catalog.kpis()) {
            assertTrue(kpi.label().key() != null, scenario + ": KPI " + kpi.id() + " has no label key");
            keys.add(kpi.label().key());
        }
        for (String language : LANGUAGES) {
            Path file = folder.resolve("kpi-catalog_" + language + ".properties");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.chars().allMatch(c -> c < 128), file + ": non-ASCII characters belong in \\u escapes");
            Properties labels = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                labels.load(reader);
            }
            assertEquals(keys, labels.stringPropertyNames(), file.toString());
            labels.stringPropertyNames().forEach(key -> assertFalse(labels.getProperty(key).isBlank(), file + ": " + key));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(LANGUAGES.stream().map(l -> "kpi-catalog_" + l + ".properties").sorted().toList(),
                    files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("kpi-catalog_")).sorted().toList());
        }
    }

    @Test
    void norwegianReportsFindTheBokmaalLabelsWhetherTaggedNbOrNo() throws Exception {
        for (String tag : List.of("nb", "nb-NO", "no", "no-NO")) {
            assertEquals("M\u00e5nedlig omsetningsvekst",
                    SampleData.latestKpis("restaurant", Locale.forLanguageTag(tag)).get("revenueGrowth").label(), tag);
        }
    }
}
