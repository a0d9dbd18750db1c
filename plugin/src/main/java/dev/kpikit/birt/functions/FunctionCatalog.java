package dev.kpikit.birt.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every kpikit script function, read from its declaration ({@link FunctionCategory},
 * {@link ScriptFunction}, {@link Arg}). The single place that lists the categories: the
 * runtime factory, the plugin.xml generator and the tests all read from here.
 */
public final class FunctionCatalog {

    /** The classes that declare function categories, in the order the Designer lists them. */
    public static final List<Class<?>> CATEGORY_CLASSES = List.of(KeyAccountFunctions.class, KpiFunctions.class, KpiChartFunctions.class);

    private FunctionCatalog() {
    }

    public record Argument(String name, String dataType, boolean optional, Class<?> javaType) {
    }

    /**
     * @param wantsLocale the method's last parameter is a {@link Locale}: not an argument designers
     *                    pass, but the report's locale, filled in from the function context
     */
    public record Function(String category, String name, String description, List<Argument> arguments,
            String returnType, boolean variableArguments, boolean wantsLocale, Method method) {

        /** Key of the description in plugin.properties, e.g. {@code KPI.divide.desc}. */
        public String descriptionKey() {
            return category + "." + name + ".desc";
        }
    }

    public record Category(String name, String description, Class<?> declaringClass, List<Function> functions) {

        public String descriptionKey() {
            return name + ".desc";
        }

        /** The class BIRT instantiates for the category: the declaring class's nested {@code Factory}. */
        public String factoryClassName() {
            return declaringClass.getName() + "$Factory";
        }
    }

    public static List<Category> categories() {
        return CATEGORY_CLASSES.stream().map(FunctionCatalog::describe).toList();
    }

    public static Category describe(Class<?> declaringClass) {
        FunctionCategory category = declaringClass.getAnnotation(FunctionCategory.class);
        if (category == null) {
            throw new IllegalArgumentException(declaringClass.getName() + " is not annotated with @FunctionCategory");
        }
        List<Function> functions = Arrays.stream(declaringClass.getMethods())
                .filter(m -> m.isAnnotationPresent(ScriptFunction.class))
                .sorted(Comparator.comparing(Method::getName))
                .map(m -> function(category.name(), m))
                .toList();
        return new Category(category.name(), category.description(), declaringClass, functions);
    }

    private static Function function(String category, Method method) {
        String where = category + "." + method.getName();
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException(where + " must be static");
        }
        Parameter[] parameters = method.getParameters();
        boolean wantsLocale = parameters.length > 0 && parameters[parameters.length - 1].getType() == Locale.class;
        if (wantsLocale && method.isVarArgs()) {
            throw new IllegalStateException(where + ": a function cannot take both variable arguments and the locale");
        }
        List<Argument> arguments = Arrays.stream(parameters, 0, parameters.length - (wantsLocale ? 1 : 0))
                .map(p -> argument(where, p)).toList();
        return new Function(category, method.getName(), method.getAnnotation(ScriptFunction.class).value(),
                arguments, dataType(method.getReturnType()), method.isVarArgs(), wantsLocale, method);
    }

    private static Argument argument(String where, Parameter parameter) {
        Arg arg = parameter.getAnnotation(Arg.class);
        if (arg == null) {
            throw new IllegalStateException(where + ": every parameter needs @Arg");
        }
        Class<?> type = parameter.isVarArgs() ? parameter.getType().getComponentType() : parameter.getType();
        return new Argument(arg.value(), dataType(type), arg.optional(), parameter.getType());
    }

    /** The type names BIRT's expression builder shows ({@code name(arg:Type) : Type}). */
    static String dataType(Class<?> type) {
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "Number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "Integer";
        }
        if (type == String.class) {
            return "String";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Boolean";
        }
        if (type == LocalDate.class || type == java.util.Date.class) {
            return "DateTime";
        }
        return "Any";
    }
}
