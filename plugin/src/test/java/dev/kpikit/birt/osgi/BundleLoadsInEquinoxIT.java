package dev.kpikit.birt.osgi;

import static dev.kpikit.birt.osgi.RegistryElement.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The kpikit bundle in the BIRT Designer's OSGi world: Equinox with the BIRT 4.22 bundles
 * from Maven Central (the jars of the test class path) and the built kpikit jar. It must
 * resolve, and the extension registry must hold its script functions, aggregations and ODA
 * data source. Runs after package (failsafe), which passes the jar as -Dkpikit.bundle.
 */
class BundleLoadsInEquinoxIT {

    private static final String KPIKIT = "dev.kpikit.birt";
    private static final String AGGREGATION_FACTORY = "dev.kpikit.birt.aggregations.KpikitAggregations";

    @Test
    void kpikitResolvesAndRegistersItsExtensions(@TempDir Path dir) throws Exception {
        Path kpikitJar = kpikitJar();
        long started = System.nanoTime();
        Framework framework = launch(dir);
        try {
            BundleContext context = framework.getBundleContext();
            ClassPathBundles bundles = new ClassPathBundles(context, dir.resolve("wrapped"));
            // kpikit first: a copy of it on the class path (target/classes or the jar) is then skipped
            List<Path> jars = new ArrayList<>();
            jars.add(kpikitJar);
            jars.addAll(classPathJars());
            bundles.install(jars);
            Bundle kpikit = find(context, KPIKIT).orElseThrow(
                    () -> new AssertionError(kpikitJar + " did not install as " + KPIKIT + ": " + bundles.problems()));
            bundles.wrapNeeded(kpikit);

            assertResolves(framework, kpikit, bundles.problems());
            Object registry = startRegistry(context);

            List<RegistryElement> functions = kpikitExtension(registry, "org.eclipse.birt.core.ScriptFunctionService");
            RegistryElement kpi = functions.stream()
                    .filter(e -> e.name().equals("Category") && "KPI".equals(e.attribute("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no Category named KPI in " + functions));
            Set<String> kpiFunctions = kpi.children().stream()
                    .filter(e -> e.name().equals("Function"))
                    .map(e -> e.attribute("name"))
                    .collect(Collectors.toSet());
            assertTrue(kpiFunctions.containsAll(Set.of("divide", "growth")), "functions of KPI: " + kpiFunctions);

            List<RegistryElement> aggregations = kpikitExtension(registry, "org.eclipse.birt.data.aggregation");
            assertTrue(anyElement(aggregations, "AggregationFactory", "class", AGGREGATION_FACTORY),
                    "no AggregationFactory " + AGGREGATION_FACTORY + " in " + aggregations);

            List<RegistryElement> oda = kpikitExtension(registry, "org.eclipse.datatools.connectivity.oda.dataSource");
            assertTrue(anyElement(oda, "dataSource", "id", "dev.kpikit.birt.oda"),
                    "no dataSource dev.kpikit.birt.oda in " + oda);

            // Bonus: every class these extensions name loads through kpikit's wiring
            List<String> classNames = Stream.of(functions, aggregations, oda)
                    .flatMap(List::stream)
                    .flatMap(RegistryElement::tree)
                    .flatMap(e -> Stream.of(e.attribute("factoryclass"), e.attribute("class"), e.attribute("driverClass")))
                    .filter(Objects::nonNull)
                    .toList();
            for (String className : classNames) {
                kpikit.loadClass(className);
            }
            assertAggregationRuns(context, kpikit);
            assertEmbeddedLibrariesLoad(kpikit);

            System.out.printf("kpikit in Equinox: %d bundles (%d wrapped), resolved and checked in %d ms%n",
                    bundles.installedCount(), bundles.wrappedCount(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** Equinox with its storage and Eclipse locations in the temporary directory. */
    private static Framework launch(Path dir) throws BundleException {
        Map<String, String> configuration = Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("storage").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // never the user's home or the working directory
                "osgi.instance.area", dir.resolve("workspace").toUri().toString(),
                "osgi.user.area", dir.resolve("user").toUri().toString(),
                // read every plugin.xml afresh instead of a registry cache
                "eclipse.noRegistryCache", "true");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no OSGi framework (org.eclipse.osgi) on the test class path"));
        Framework framework = factory.newFramework(configuration);
        framework.start();
        return framework;
    }

    /** Resolves kpikit (and what it needs); on failure the message names the unresolved requirements. */
    private static void assertResolves(Framework framework, Bundle kpikit, List<String> installProblems) {
        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(kpikit));
        if ((kpikit.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            return;
        }
        // Equinox's BundleException from start() carries the resolution report of the bundle
        String why;
        try {
            kpikit.start(Bundle.START_TRANSIENT);
            why = "resolveBundles left it INSTALLED, yet start() succeeded";
        } catch (BundleException e) {
            why = e.getMessage();
        }
        fail(KPIKIT + " does not resolve:\n" + why
                + (installProblems.isEmpty() ? "" : "\nJars that could not be installed:\n" + String.join("\n", installProblems)));
    }

    /** The extension registry reads plugin.xml files only when its bundle is started. */
    private static Object startRegistry(BundleContext context) throws BundleException, InvalidSyntaxException {
        bundle(context, "org.eclipse.equinox.common").start();
        bundle(context, "org.eclipse.equinox.registry").start();
        // getAllServiceReferences: the system bundle's class loader (the test's) has its own copy of
        // IExtensionRegistry, so getServiceReference would filter the framework's service out
        ServiceReference<?>[] references = context.getAllServiceReferences("org.eclipse.core.runtime.IExtensionRegistry", null);
        assertNotNull(references, "org.eclipse.equinox.registry started but registered no IExtensionRegistry");
        return context.getService(references[0]);
    }

    /** The configuration elements kpikit contributes to an extension point. */
    private static List<RegistryElement> kpikitExtension(Object registry, String pointId) {
        Object point = call(registry, "getExtensionPoint", pointId);
        assertNotNull(point, () -> "extension point " + pointId + " is not in the registry");
        List<RegistryElement> elements = new ArrayList<>();
        for (Object extension : (Object[]) call(point, "getExtensions")) {
            if (KPIKIT.equals(call(call(extension, "getContributor"), "getName"))) {
                for (Object element : (Object[]) call(extension, "getConfigurationElements")) {
                    elements.add(RegistryElement.copy(element));
                }
            }
        }
        assertFalse(elements.isEmpty(), () -> KPIKIT + " contributes nothing to " + pointId);
        return elements;
    }

    /** Bonus: the aggregation factory links against BIRT's classes inside OSGi and computes. */
    private static void assertAggregationRuns(BundleContext context, Bundle kpikit) throws Exception {
        Object factory = kpikit.loadClass(AGGREGATION_FACTORY).getConstructor().newInstance();
        Class<?> birtFactory = bundle(context, "org.eclipse.birt.data")
                .loadClass("org.eclipse.birt.data.engine.api.aggregation.IAggregationFactory");
        assertTrue(birtFactory.isInstance(factory), "the factory does not implement org.eclipse.birt.data's interface");

        Object hhi = call(factory, "getAggregation", "KPI_HHI");
        assertNotNull(hhi, "KPI_HHI is not in the factory");
        Object accumulator = call(hhi, "newAccumulator");
        call(accumulator, "start");
        call(accumulator, "onRow", (Object) new Object[] {BigDecimal.valueOf(50)});
        call(accumulator, "onRow", (Object) new Object[] {BigDecimal.valueOf(50)});
        call(accumulator, "finish");
        // two equal shares: 50² + 50² = 5,000
        assertEquals(0, BigDecimal.valueOf(5000).compareTo((BigDecimal) call(accumulator, "getValue")));
    }

    /** Bonus: the libraries in lib/*.jar (Bundle-ClassPath) load from the kpikit bundle itself. */
    private static void assertEmbeddedLibrariesLoad(Bundle kpikit) throws Exception {
        Class<?> mapper = kpikit.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
        assertSame(kpikit, FrameworkUtil.getBundle(mapper), "Jackson should come from kpikit's lib/, not another bundle");
        mapper.getConstructor().newInstance();
    }

    private static boolean anyElement(List<RegistryElement> elements, String name, String attribute, String value) {
        return elements.stream().flatMap(RegistryElement::tree)
                .anyMatch(e -> e.name().equals(name) && value.equals(e.attribute(attribute)));
    }

    private static Bundle bundle(BundleContext context, String symbolicName) {
        return find(context, symbolicName).orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private static Optional<Bundle> find(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private static Path kpikitJar() {
        String property = System.getProperty("kpikit.bundle");
        assertNotNull(property, "set -Dkpikit.bundle to the built bundle jar (failsafe does it after package)");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), () -> "no bundle jar at " + jar + " (run mvn verify, not only test)");
        return jar;
    }

    /** The jars of the test class path: BIRT, DTP, Eclipse, their libraries, Felix SCR, ... */
    private static List<Path> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(Path::of)
                .filter(Files::isRegularFile)
                .toList();
    }
}
