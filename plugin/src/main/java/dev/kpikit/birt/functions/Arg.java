package dev.kpikit.birt.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a script function argument as the Designer shows it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Arg {

    /** The argument's name, e.g. {@code numerator}. */
    String value();

    /** Whether the caller may leave it out (BIRT then passes fewer arguments). */
    boolean optional() default false;
}
