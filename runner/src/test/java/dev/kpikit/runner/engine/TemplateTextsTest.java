package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The texts of report-templates/i18n as a proofreader checks them: every language has every key, every key a
 * template uses exists, and no text has a doubled full stop ("target.."), doubled spaces or a space before a
 * full stop or comma.
 */
class TemplateTextsTest {

    private static final Pattern TYPO = Pattern.compile("\\.\\.(?!\\.)|  | [.,]|,,|^\\s|\\s$");

    @Test
    void everyLanguageHasEveryKey() throws Exception {
        TreeSet<String> english = new TreeSet<>(ScenarioReports.texts(Locale.ENGLISH).stringPropertyNames());
        for (Locale locale : ScenarioReports.LOCALES) {
            Properties own = new Properties();
            try (var in = Files.newInputStream(SharedEngine.template("i18n")
                    .resolve(locale.getLanguage().equals("en") ? "kpikit.properties" : "kpikit_" + locale.getLanguage() + ".properties"))) {
                own.load(in);
            }
            assertEquals(english, new TreeSet<>(own.stringPropertyNames()), locale + ": the same keys as English");
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws Exception {
        Properties english = ScenarioReports.texts(Locale.ENGLISH);
        Pattern key = Pattern.compile("key=\"([^\"]+)\"|getMessage\\(\"([A-Za-z.]+[A-Za-z])\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedEngine.template("."))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rptdesign") || f.toString().endsWith(".rptlibrary")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1) != null ? m.group(1) : m.group(2);
                    if (english.getProperty(used) == null) {
                        missing.add(file.getFileName() + ": " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noTextHasADoubledFullStopOrStraySpace() throws Exception {
        List<String> typos = new ArrayList<>();
        for (Locale locale : ScenarioReports.LOCALES) {
            Properties texts = ScenarioReports.texts(locale);
            for (String name : new TreeSet<>(texts.stringPropertyNames())) {
                String text = texts.getProperty(name);
                // French puts a (narrow) space before ; : ! ? but never before . or ,
                if (TYPO.matcher(text).find()) {
                    typos.add(locale + " " + name + ": " + text);
                }
            }
        }
        assertTrue(typos.isEmpty(), String.join("\n", typos));
    }
}
