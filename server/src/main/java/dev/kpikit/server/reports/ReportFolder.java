package dev.kpikit.server.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.kpikit.data.ConfinedFolder;

/**
 * The reports root and the data root of a server, and the only way a request turns a name into a
 * file: a report is a {@code NAME.rptdesign} directly under the reports root, a data folder a
 * folder directly under the data root. Whatever a request sends ({@code ../../etc/passwd}, encoded
 * once or twice, an absolute path, a symbolic link out of the root) resolves to nothing.
 */
public final class ReportFolder {

    /** A plain file or folder name: no separator, no "..", no leading dot, no encoding left. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final String DESIGN = ".rptdesign";

    private final Path reportsRoot;
    private final Path dataRoot;

    public ReportFolder(Path reportsRoot, Path dataRoot) throws IOException {
        this.reportsRoot = reportsRoot.toRealPath();
        this.dataRoot = dataRoot.toRealPath();
    }

    public Path reportsRoot() {
        return reportsRoot;
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** The design of report {@code name} (file name without .rptdesign), when it is one under the reports root. */
    public Optional<Path> report(String name) {
        return confined(reportsRoot, name == null ? null : name + DESIGN).filter(Files::isRegularFile);
    }

    /** The data folder {@code name} directly under the data root. */
    public Optional<Path> dataFolder(String name) {
        return confined(dataRoot, name).filter(Files::isDirectory);
    }

    /**
     * The one confinement check: {@code name} as a single plain entry of {@code root}, and the real
     * file (links followed) still inside the root, as issue 12's {@link ConfinedFolder} checks every
     * file a report parameter names.
     */
    static Optional<Path> confined(Path root, String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            Path inside = ConfinedFolder.of(root, "the root").resolve(name, "a request");
            return Files.exists(inside, LinkOption.NOFOLLOW_LINKS) ? Optional.of(inside.toRealPath()) : Optional.empty();
        } catch (IOException e) { // outside the root (OutsideFolderException), or gone meanwhile
            return Optional.empty();
        }
    }

    /** A report shown on the Reports page. */
    public record ReportEntry(String name, String title, String description, boolean hasThumbnail) {
    }

    public List<ReportEntry> reports() throws IOException {
        List<ReportEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportsRoot)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(DESIGN)) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - DESIGN.length());
                if (report(name).isEmpty()) {
                    continue;
                }
                Path template = reportsRoot.resolve("designer-templates").resolve(name + ".rpttemplate");
                String title = name;
                String description = "";
                if (Files.isRegularFile(template)) {
                    String text = Files.readString(template);
                    title = property(text, "displayName").orElse(name);
                    description = property(text, "description").orElse("");
                } else {  // no Designer template: the design's own title
                    title = property(Files.readString(file), "title").orElse(name);
                }
                entries.add(new ReportEntry(name, title, description, thumbnail(name).isPresent()));
            }
        }
        return entries;
    }

    /** The .rpttemplate's thumbnail, kept beside it as NAME.png. */
    public Optional<Path> thumbnail(String name) {
        return report(name).flatMap(design -> confined(reportsRoot.resolve("designer-templates").toAbsolutePath(), name + ".png"))
                .filter(Files::isRegularFile);
    }

    public List<String> dataFolders() throws IOException {
        try (Stream<Path> entries = Files.list(dataRoot)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> dataFolder(name).isPresent()).sorted().toList();
        }
    }

    private static Optional<String> property(String xml, String name) {
        Matcher m = Pattern.compile("<(?:text|html)-property name=\"" + name + "\">([^<]*)</").matcher(xml);
        return m.find() ? Optional.of(unescape(m.group(1).trim())) : Optional.empty();
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
