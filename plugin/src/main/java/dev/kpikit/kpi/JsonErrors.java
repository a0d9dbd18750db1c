package dev.kpikit.kpi;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's syntax errors as kpikit shows them: Jackson quotes the text it could not read
 * ({@code Unrecognized token 'root': was expecting ...}), which for a file that is not JSON at all
 * is the start of someone else's file. The line and column say where; the text itself is left out.
 * In {@code kpi} because it is the lowest package of the core: the model, catalog and table readers all use it.
 */
public final class JsonErrors {

    /** Jackson's unrecognized token: letters and digits up to 256 characters, never a quote. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("^Unrecognized token '[^']*'");

    private JsonErrors() {
    }

    /** Jackson's own message without the token it quotes: "Unrecognized token: was expecting (JSON String, ...)". */
    public static String message(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "not valid JSON" : QUOTED_TOKEN.matcher(message).replaceFirst("not JSON, unrecognized text");
    }
}
