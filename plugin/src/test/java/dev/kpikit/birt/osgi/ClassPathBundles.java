package dev.kpikit.birt.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;

/**
 * Installs class path jars into an OSGi framework the way the BIRT Designer has them. Jars
 * that are bundles go in as they are (the first jar of a symbolic name wins). Plain jars
 * (Rhino, POI, Batik, FOP, ... are plain jars on Maven Central but bundles in the Designer)
 * are wrapped into bundles with bnd, but only those a needed bundle asks for: wrapping reads
 * every class, and wrapping all 40-odd plain jars of the class path took 11 to 24 s, against
 * about 2 s for the three kpikit needs (Rhino, POI, POI OOXML).
 */
final class ClassPathBundles {

    /**
     * Symbolic names the Designer gives to plain jars that BIRT or kpikit require by name
     * (org.eclipse.birt.core requires org.mozilla.rhino; kpikit optionally the POI bundles).
     * Other plain jars are named after their Maven artifact id.
     */
    private static final Map<String, String> DESIGNER_NAMES = Map.of(
            "rhino", "org.mozilla.rhino",
            "poi", "org.apache.poi",
            "poi-ooxml", "org.apache.poi.ooxml");

    /** The bundle or package name in a Require-Bundle or Import-Package requirement's filter. */
    private static final Pattern REQUIRED_NAME = Pattern.compile("\\(osgi\\.wiring\\.(?:bundle|package)=([^)]+)\\)");

    private final BundleContext context;
    private final Path wrapDirectory;
    private final Set<String> installed = new HashSet<>();
    private final Map<String, PlainJar> plainByName = new HashMap<>();
    private final Map<String, PlainJar> plainByPackage = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int wrapped;

    ClassPathBundles(BundleContext context, Path wrapDirectory) throws IOException {
        this.context = context;
        this.wrapDirectory = Files.createDirectories(wrapDirectory);
        // The system bundle is org.eclipse.osgi: its jar on the class path must not go in twice
        for (Bundle bundle : context.getBundles()) {
            installed.add(bundle.getSymbolicName());
        }
    }

    /**
     * Installs the jars that are bundles and notes the plain ones for {@link #wrapNeeded}.
     * Failures are collected, not thrown: a broken jar nobody needs must not fail the test,
     * and one that is needed shows up as an unresolved requirement.
     */
    void install(List<Path> jars) {
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String symbolicName = symbolicName(file.getManifest());
                if (symbolicName != null) {
                    if (installed.add(symbolicName)) {
                        install(jar);
                    }
                } else {
                    PlainJar plain = PlainJar.of(jar);
                    if (plainByName.putIfAbsent(plain.symbolicName(), plain) == null) {
                        packages(file).forEach(name -> plainByPackage.putIfAbsent(name, plain));
                    }
                }
            } catch (IOException | BundleException e) {
                problems.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Walks the requirements of {@code root} (all of them, so that its optional POI is there
     * as in the Designer) and the mandatory ones of every bundle they lead to; a requirement
     * that no installed bundle meets but a plain jar does gets that jar wrapped and installed.
     */
    void wrapNeeded(Bundle root) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Resource start = root.adapt(BundleRevision.class);
        Deque<Resource> todo = new ArrayDeque<>(List.of(start));
        Set<Resource> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            Resource resource = todo.pop();
            for (Requirement requirement : resource.getRequirements(null)) {
                boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                        requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
                if (optional && resource != start) {
                    continue;
                }
                Collection<BundleCapability> providers = wiring.findProviders(requirement);
                if (providers.isEmpty() && wrapProviderOf(requirement)) {
                    providers = wiring.findProviders(requirement);
                }
                for (BundleCapability provider : providers) {
                    if (seen.add(provider.getResource())) {
                        todo.add(provider.getResource());
                    }
                }
            }
        }
    }

    int installedCount() {
        return installed.size();
    }

    int wrappedCount() {
        return wrapped;
    }

    List<String> problems() {
        return problems;
    }

    private boolean wrapProviderOf(Requirement requirement) {
        Matcher name = REQUIRED_NAME.matcher(requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, ""));
        if (!name.find()) {
            return false;
        }
        String required = name.group(1);
        PlainJar plain = requirement.getNamespace().equals(BundleRevision.BUNDLE_NAMESPACE)
                ? plainByName.get(required)
                : plainByPackage.get(required);
        if (plain == null || !installed.add(plain.symbolicName())) {
            return false;
        }
        try {
            install(wrap(plain));
            wrapped++;
            return true;
        } catch (Exception e) {
            problems.add(plain.jar().getFileName() + ": " + e);
            return false;
        }
    }

    private void install(Path bundleJar) throws BundleException {
        // "reference:" makes Equinox read the jar in place instead of copying it
        context.installBundle("reference:" + bundleJar.toUri());
    }

    /** Wraps a plain jar: exports all its packages, imports what it uses, all optional. */
    private Path wrap(PlainJar plain) throws Exception {
        Path target = wrapDirectory.resolve(plain.symbolicName() + "_" + plain.version() + ".jar");
        try (Jar content = new Jar(plain.jar().toFile()); Analyzer analyzer = new Analyzer(content)) {
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, plain.symbolicName());
            analyzer.setProperty(Constants.BUNDLE_VERSION, plain.version());
            analyzer.setProperty(Constants.EXPORT_PACKAGE, "*");
            // Optional: these jars reference far more than BIRT ever loads (and than Central has)
            analyzer.setProperty(Constants.IMPORT_PACKAGE, "*;resolution:=optional");
            // uses: constraints between loosely wrapped jars only cause needless conflicts
            analyzer.setProperty(Constants.NOUSES, "true");
            content.setManifest(analyzer.calcManifest());
            if (!analyzer.isOk()) {
                throw new IllegalStateException("bnd could not wrap it: " + analyzer.getErrors());
            }
            // Uncompressed: a throw-away copy, written faster
            content.setCompression(Jar.Compression.STORE);
            content.write(target.toFile());
        }
        return target;
    }

    /** The Bundle-SymbolicName without directives, or null for a plain jar. */
    private static String symbolicName(Manifest manifest) {
        String value = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        return value == null ? null : value.split(";", 2)[0].trim();
    }

    /** The packages that hold classes (multi-release variants under META-INF are the same packages). */
    private static Set<String> packages(JarFile file) {
        return file.stream()
                .map(JarEntry::getName)
                .filter(name -> name.endsWith(".class") && name.indexOf('/') > 0 && !name.startsWith("META-INF/"))
                .map(name -> name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
                .collect(Collectors.toSet());
    }

    /**
     * A jar without OSGi headers, named from its place in the Maven repository
     * (…/artifactId/version/artifactId-version.jar).
     */
    private record PlainJar(Path jar, String symbolicName, String version) {

        static PlainJar of(Path jar) {
            String file = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir == null ? null : versionDir.getParent();
            String artifactId = file;
            String version = "0.0.0";
            if (artifactDir != null && file.startsWith(artifactDir.getFileName() + "-" + versionDir.getFileName())) {
                artifactId = artifactDir.getFileName().toString();
                version = Analyzer.cleanupVersion(versionDir.getFileName().toString());
            }
            return new PlainJar(jar, DESIGNER_NAMES.getOrDefault(artifactId, artifactId), version);
        }
    }
}
