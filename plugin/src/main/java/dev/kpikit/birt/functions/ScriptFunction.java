package dev.kpikit.birt.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a BIRT script function once: the method's name is the function's name, this
 * annotation its English description, {@link Arg} its arguments. plugin.xml and
 * plugin.properties are generated from it at build time ({@link PluginXmlGenerator}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ScriptFunction {

    /** English description shown as the tooltip of the Designer's expression builder. */
    String value();
}
