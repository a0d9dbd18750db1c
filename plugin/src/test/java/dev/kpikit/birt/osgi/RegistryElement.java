package dev.kpikit.birt.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A configuration element of the extension registry inside the framework, copied into plain
 * Java. The registry's interfaces there are loaded by the framework's bundle class loaders,
 * not by the test's class loader (which has its own copies), so they are called by reflection.
 */
record RegistryElement(String name, Map<String, String> attributes, List<RegistryElement> children) {

    /** Copies an IConfigurationElement and everything below it. */
    static RegistryElement copy(Object configurationElement) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : (String[]) call(configurationElement, "getAttributeNames")) {
            attributes.put(attribute, (String) call(configurationElement, "getAttribute", attribute));
        }
        List<RegistryElement> children = new ArrayList<>();
        for (Object child : (Object[]) call(configurationElement, "getChildren")) {
            children.add(copy(child));
        }
        return new RegistryElement((String) call(configurationElement, "getName"), attributes, children);
    }

    String attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** This element and all its descendants. */
    Stream<RegistryElement> tree() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(RegistryElement::tree));
    }

    /** Calls a public method by name and argument count on an object from inside the framework. */
    static Object call(Object target, String method, Object... args) {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                try {
                    // The implementing class may be internal (not public) although the method is API
                    candidate.setAccessible(true);
                    return candidate.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(method + " failed on " + target, e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(method + " failed on " + target, e);
                }
            }
        }
        throw new IllegalArgumentException(target.getClass().getName() + " has no method " + method + " with "
                + args.length + " argument(s)");
    }

    @Override
    public String toString() {
        return name + attributes + (children.isEmpty() ? "" : children);
    }
}
