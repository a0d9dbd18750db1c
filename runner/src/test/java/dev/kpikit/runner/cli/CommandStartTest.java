package dev.kpikit.runner.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * picocli reads the fields and methods of every command when the CLI starts, whichever command runs: a BIRT type in
 * any of them loads BIRT's signed jars and checks their signatures, a third of a second before {@code kpikit score}
 * (which needs no BIRT) reads its first row.
 */
class CommandStartTest {

    @Test
    void noCommandNamesABirtTypeInItsFieldsOrMethods() {
        List<String> birtTypes = new ArrayList<>();
        for (Class<?> command : commands(KpikitCommand.class)) {
            for (Field field : command.getDeclaredFields()) {
                note(birtTypes, command, field.getName(), field.getType());
            }
            for (Method method : command.getDeclaredMethods()) {
                Stream.of(method.getParameterTypes()).forEach(type -> note(birtTypes, command, method.getName(), type));
                Stream.of(method.getExceptionTypes()).forEach(type -> note(birtTypes, command, method.getName(), type));
                note(birtTypes, command, method.getName(), method.getReturnType());
            }
        }
        assertEquals(List.of(), birtTypes);
    }

    private static List<Class<?>> commands(Class<?> command) {
        List<Class<?>> all = new ArrayList<>(List.of(command));
        for (Class<?> sub : command.getAnnotation(Command.class).subcommands()) {
            all.addAll(commands(sub));
        }
        return all;
    }

    private static void note(List<String> birtTypes, Class<?> command, String member, Class<?> type) {
        if (type.getName().startsWith("org.eclipse.")) {
            birtTypes.add(command.getSimpleName() + "." + member + ": " + type.getName());
        }
    }
}
