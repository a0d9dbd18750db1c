package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The syntax errors of a hand-edited JSON file (⏎ marks a line break), as Jackson finds them, said for the person editing it. */
class JsonProblemsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\": 1 \"b\": 2}|expected ',' or '}' after a field's value, found '\"' (a comma missing?)",
            "[1 2]|expected ',' or ']' after a list's entry, found '2' (a comma missing?)",
            "{\"a\" 1}|expected ':' between a field's name and its value, found '1'",
            "{\"a\": 1,}|expected a field name in double quotes, found '}' (a comma after the last field: JSON allows none)",
            "{'a': 1}|expected a field name in double quotes, found ''' (JSON names take double quotes)",
            "[1, 2,]|expected a value (a number, text in double quotes, true, false, null, an object or a list), found ']'"
                    + " (a comma after the last entry: JSON allows none)",
            "{\"a\": 'x'}|expected a value (a number, text in double quotes, true, false, null, an object or a list), found '''"
                    + " (JSON texts take double quotes)",
            "{\"a\": [1,⏎ 2|the file ends before the list opened at line 1, column 7 is closed with ']'",
            "⏎  {\"a\": 1|the file ends before the object opened at line 2, column 3 is closed with '}'",
            "{\"a\": \"text|the file ends inside a text in double quotes: its closing '\"' is missing",
            "{\"a\": \"two⏎lines\"}|a line break inside a text in double quotes: close the quote on the same line, or write \\n"})
    void aSyntaxErrorIsSaidInTheWordsOfSomeoneEditingTheFile(String json, String reason) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(json.replace("⏎", "\n")));
        assertEquals(reason, JsonProblems.reason(e));
    }

    /** Bytes of Windows' Latin-1 (é as one byte) where UTF-8 is read. */
    @Test
    void latin1TextIsSaidNotToBeUtf8() {
        byte[] latin1 = "[{\"name\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(latin1));
        assertEquals("the file is not UTF-8 text here; save it as UTF-8", JsonProblems.reason(e));
    }
}
