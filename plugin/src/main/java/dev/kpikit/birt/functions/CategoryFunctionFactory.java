package dev.kpikit.birt.functions;

import java.lang.reflect.InvocationTargetException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionContext;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionExecutor;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionFactory;

import com.ibm.icu.util.ULocale;

import dev.kpikit.birt.BirtErrors;
import dev.kpikit.birt.Values;

/**
 * The BIRT side of a function category: finds the declared static method by name and
 * calls it with converted arguments. Nothing about a function is declared here.
 */
public abstract class CategoryFunctionFactory implements IScriptFunctionFactory {

    private final Map<String, FunctionCatalog.Function> functions;

    protected CategoryFunctionFactory(Class<?> declaringClass) {
        functions = FunctionCatalog.describe(declaringClass).functions().stream()
                .collect(Collectors.toUnmodifiableMap(FunctionCatalog.Function::name, Function.identity()));
    }

    @Override
    public IScriptFunctionExecutor getFunctionExecutor(String functionName) throws BirtException {
        FunctionCatalog.Function function = functions.get(functionName);
        if (function == null) {
            throw BirtErrors.birt("kpikit has no script function named '" + functionName + "'", null);
        }
        return new Executor(function);
    }

    private record Executor(FunctionCatalog.Function function) implements IScriptFunctionExecutor {

        @Override
        public Object execute(Object[] arguments, IScriptFunctionContext context) throws BirtException {
            Object[] javaArguments = convert(arguments == null ? new Object[0] : arguments, zone(context));
            if (function.wantsLocale()) {
                javaArguments = Arrays.copyOf(javaArguments, javaArguments.length + 1);
                javaArguments[javaArguments.length - 1] = locale(context);
            }
            try {
                return function.method().invoke(null, javaArguments);
            } catch (InvocationTargetException e) {
                throw BirtErrors.birt(name() + ": " + e.getCause().getMessage(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private Object[] convert(Object[] given, ZoneId zone) throws BirtException {
            var declared = function.arguments();
            boolean varArgs = function.variableArguments();
            int fixed = varArgs ? declared.size() - 1 : declared.size();
            if (given.length > declared.size() && !varArgs) {
                throw BirtErrors.birt(name() + " takes " + declared.size() + " arguments, got " + given.length, null);
            }
            Object[] converted = new Object[declared.size()];
            for (int i = 0; i < fixed; i++) {
                var argument = declared.get(i);
                converted[i] = convertOne(i < given.length ? given[i] : null, argument.javaType(), argument.name(), zone);
            }
            if (varArgs) {
                var rest = declared.get(fixed);
                int count = Math.max(0, given.length - fixed);
                Object[] values = (Object[]) java.lang.reflect.Array.newInstance(rest.javaType().getComponentType(), count);
                for (int i = 0; i < count; i++) {
                    values[i] = convertOne(given[fixed + i], rest.javaType().getComponentType(), rest.name(), zone);
                }
                converted[fixed] = values;
            }
            return converted;
        }

        private Object convertOne(Object value, Class<?> type, String argumentName, ZoneId zone) throws BirtException {
            try {
                return Values.convert(value, type, zone);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw BirtErrors.birt(name() + ", argument '" + argumentName + "': " + e.getMessage(), e);
            }
        }

        private String name() {
            return function.category() + "." + function.name();
        }

        /** The report's locale (BIRT gives an ICU ULocale); English when there is none, never the server's. */
        private static Locale locale(IScriptFunctionContext context) {
            Object locale = context == null ? null : context.findProperty(IScriptFunctionContext.LOCALE);
            if (locale instanceof ULocale icu) {
                return icu.toLocale();
            }
            return locale instanceof Locale plain ? plain : Locale.ENGLISH;
        }

        private static ZoneId zone(IScriptFunctionContext context) {
            // BIRT may hand an ICU time zone; only java.util.Date arguments need one at all
            Object zone = context == null ? null : context.findProperty(IScriptFunctionContext.TIMEZONE);
            return zone instanceof TimeZone tz ? tz.toZoneId() : ZoneId.systemDefault();
        }
    }
}
