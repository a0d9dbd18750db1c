package dev.kpikit.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a user tells kpikit about a data folder's CSV files that the files cannot say themselves: the character set
 * they are saved in, and the decimal separator when the file leaves it open (in a file separated by ';' or tabs,
 * {@code 12.500} may be twelve and a half or twelve thousand five hundred).
 *
 * @param encoding         the character set; UTF-8 when not given
 * @param decimalSeparator '.' or ','; null to decide from the file (see {@link CsvOptions#decimalSeparator()})
 */
public record CsvReading(Charset encoding, Character decimalSeparator) {

    /** UTF-8, the decimal separator decided from each file. */
    public static final CsvReading DEFAULT = new CsvReading(StandardCharsets.UTF_8, null);

    public CsvReading {
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        CsvOptions.requireDecimalSeparator(decimalSeparator);
    }

    public CsvReading withEncoding(Charset encoding) {
        return new CsvReading(encoding, decimalSeparator);
    }

    public CsvReading withDecimalSeparator(Character decimalSeparator) {
        return new CsvReading(encoding, decimalSeparator);
    }

    CsvOptions applyTo(CsvOptions options) {
        return options.withEncoding(encoding).withDecimalSeparator(decimalSeparator);
    }

    /**
     * The character set a user named ({@code windows-1252}, {@code UTF-8}, any Java charset name); UTF-8 for nothing or
     * blank.
     *
     * @param givenBy who named it, for the message: "--encoding", "schedule 'monday', field 'encoding':"
     * @throws IllegalArgumentException naming {@code givenBy} and the name
     */
    public static Charset encoding(String text, String givenBy) {
        if (text == null || text.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(givenBy + " '" + text.strip() + "' names no known character set;"
                    + " use UTF-8, windows-1252, ISO-8859-1 or another Java charset name");
        }
    }

    /**
     * The separator a user typed: {@code point} or {@code .}, {@code comma} or {@code ,}; null for blank (decided from
     * the file).
     *
     * @param givenBy who gave it, for the message: "--decimal-separator"
     * @throws IllegalArgumentException naming {@code givenBy} and the text
     */
    public static Character decimalSeparator(String text, String givenBy) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case ".", "point", "dot" -> '.';
            case ",", "comma" -> ',';
            default -> throw new IllegalArgumentException(givenBy + ": '" + text.strip() + "' is no decimal separator; expected"
                    + " point (12.50) or comma (12,50), or nothing to decide from each file");
        };
    }
}
