package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.poi.ss.util.WorkbookUtil;
import org.junit.jupiter.api.Test;

import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.Status;
import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.excel.ScoringLayout.SheetName;
import dev.kpikit.runner.excel.ScoringLayout.Text;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.TierRule;

/**
 * The scoring workbook's texts in report-templates/i18n: every key the workbook asks for is in every language's own
 * file (a key missing from kpikit_fr.properties would quietly show the English), and every language's sheet names are
 * names Excel takes.
 */
class WorkbookTextsTest {

    @Test
    void everyKeyTheWorkbookUsesIsInEveryLanguagesOwnFile() throws Exception {
        Map<String, Properties> languages = languageFiles();
        assertFalse(languages.size() < 6, "en, es, fr, it, nb, nl: " + languages.keySet());
        List<String> missing = new ArrayList<>();
        for (var language : languages.entrySet()) {
            for (String key : workbookKeys()) {
                if (language.getValue().getProperty(key) == null) {
                    missing.add(language.getKey() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyLanguagesSheetNamesAreDistinctNamesExcelTakes() throws Exception {
        for (var language : languageFiles().entrySet()) {
            Set<String> names = new HashSet<>();
            for (SheetName sheet : SheetName.values()) {
                String name = language.getValue().getProperty(sheet.key());
                WorkbookUtil.validateSheetName(name); // at most 31 characters, none of []*?:/\, no quote at either end
                names.add(name.toLowerCase(java.util.Locale.ROOT)); // Excel compares sheet names ignoring case
            }
            assertEquals(SheetName.values().length, names.size(), language.getKey() + ": " + names);
        }
    }

    /** Every key the workbook asks ReportTexts for: its sheets, columns and notes, and the words of its cells. */
    private static Set<String> workbookKeys() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : ScoringLayout.class.getDeclaredClasses()) {
            if (type.isEnum() && Text.class.isAssignableFrom(type)) {
                Arrays.stream(type.getEnumConstants()).map(text -> ((Text) text).key()).forEach(keys::add);
            }
        }
        Arrays.stream(Status.values()).map(status -> "common.status." + status.name()).forEach(keys::add);
        Arrays.stream(Grain.values()).map(grain -> "workbook.grain." + grain.name()).forEach(keys::add);
        List<TierRule> rules = List.of(new TierRule.MaxTierBelowShare("B", BigDecimal.ONE),
                new TierRule.MinTierWhen(FactorInput.ENGAGEMENT, BigDecimal.ONE, "A"));
        assertEquals(TierRule.class.getPermittedSubclasses().length, rules.size(), "a new rule form needs its meaning here");
        rules.forEach(rule -> keys.add("workbook.rules.meaning." + rule.type()));
        return keys;
    }

    /** Each language's own file as it is, without the English a resource bundle would fall back to. */
    private static Map<String, Properties> languageFiles() throws IOException {
        Map<String, Properties> languages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SharedEngine.template("i18n"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("kpikit(_[a-z]+)?\\.properties")).sorted().toList()) {
                Properties texts = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    texts.load(in);
                }
                languages.put(file.getFileName().toString(), texts);
            }
        }
        return languages;
    }
}
