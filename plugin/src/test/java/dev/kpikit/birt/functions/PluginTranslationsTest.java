package dev.kpikit.birt.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Designer shows the plugin's texts (function descriptions, data source labels) in the
 * languages of the product: every key of the English plugin.properties, which the build
 * generates from the function declarations, has a translation in each language, and no
 * translation is left over from a function that no longer exists.
 */
class PluginTranslationsTest {

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in); // ISO-8859-1 with \\u escapes, as the Eclipse registry reads it
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "it", "nb", "fr", "es"})
    void everyTextIsTranslated(String language) throws IOException {
        Properties english = load(Path.of("target/classes/plugin.properties"));
        Path file = Path.of("src/main/resources/plugin_" + language + ".properties");
        assertTrue(Files.exists(file), file + " is missing");
        Properties translated = load(file);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                "plugin_" + language + ".properties must have exactly the keys of plugin.properties");
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertTrue(!text.isBlank(), language + ": " + key + " is empty");
        }
        assertTrue(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).chars().allMatch(c -> c < 128),
                "plugin_" + language + ".properties must be ASCII with \\uXXXX escapes");
    }
}
