package dev.kpikit.birt.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose public static methods annotated with {@link ScriptFunction} form one
 * category of BIRT script functions ({@code KPI.divide(...)} in a report expression).
 * The class must have a nested public {@code Factory} class with a no-argument constructor
 * that BIRT instantiates (see {@link CategoryFunctionFactory}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FunctionCategory {

    /** The name designers type before the dot, e.g. {@code KPI}. */
    String name();

    /** English description; the key {@code <name>.desc} in plugin_<locale>.properties translates it. */
    String description();
}
