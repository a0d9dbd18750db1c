package dev.kpikit.birt.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (Maven process-classes): writes the bundle's plugin.xml and plugin.properties
 * from the hand-written templates in src/main/plugin, filling in the script function
 * declarations from {@link FunctionCatalog}, so a function is declared only once.
 */
public final class PluginXmlGenerator {

    static final String MARKER = "<!-- kpikit:generated-script-functions -->";
    static final String PROPERTIES_MARKER = "# kpikit:generated-script-functions";

    private PluginXmlGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PluginXmlGenerator <template folder> <output folder>");
        }
        Path templates = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<FunctionCatalog.Category> categories = FunctionCatalog.categories();
        write(output.resolve("plugin.xml"),
                fill(read(templates.resolve("plugin.xml")), MARKER, pluginXml(categories)));
        write(output.resolve("plugin.properties"),
                fill(read(templates.resolve("plugin.properties")), PROPERTIES_MARKER, properties(categories)));
    }

    static String pluginXml(List<FunctionCatalog.Category> categories) {
        StringBuilder xml = new StringBuilder();
        for (FunctionCatalog.Category category : categories) {
            xml.append("      <Category name=\"").append(category.name())
                    .append("\" desc=\"%").append(category.descriptionKey())
                    .append("\" factoryclass=\"").append(category.factoryClassName()).append("\">\n");
            for (FunctionCatalog.Function function : category.functions()) {
                xml.append("        <Function name=\"").append(function.name())
                        .append("\" desc=\"%").append(function.descriptionKey())
                        .append("\" isStatic=\"true\" isConstructor=\"false\" isVisible=\"true\"")
                        .append(" variableArguments=\"").append(function.variableArguments()).append("\">\n");
                for (FunctionCatalog.Argument argument : function.arguments()) {
                    xml.append("          <Argument name=\"").append(argument.name())
                            .append("\" isOptional=\"").append(argument.optional()).append("\">")
                            .append("<DataType value=\"").append(argument.dataType()).append("\"/></Argument>\n");
                }
                xml.append("          <DataType value=\"").append(function.returnType()).append("\"/>\n");
                xml.append("        </Function>\n");
            }
            xml.append("      </Category>\n");
        }
        return xml.toString();
    }

    static String properties(List<FunctionCatalog.Category> categories) {
        StringBuilder properties = new StringBuilder();
        for (FunctionCatalog.Category category : categories) {
            properties.append(category.descriptionKey()).append('=').append(escape(category.description())).append('\n');
            for (FunctionCatalog.Function function : category.functions()) {
                properties.append(function.descriptionKey()).append('=').append(escape(function.description())).append('\n');
            }
        }
        return properties.toString();
    }

    private static String fill(String template, String marker, String generated) {
        if (!template.contains(marker)) {
            throw new IllegalStateException("template lacks the marker " + marker);
        }
        return template.replace(marker, generated.stripTrailing());
    }

    /** plugin.properties is read as ISO-8859-1 by the Eclipse registry: escape the rest. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }
}
