package dev.kpikit.birt.oda;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Text longer than an output can hold, cut by the data source when the host asks for it in the
 * app context. Excel cells hold at most 32,767 characters and the XLSX emitter fails on longer
 * text, so the runner asks for this limit when it renders XLSX; other outputs get the whole text.
 */
public final class TextLimit {

    /** App context key: the longest text (an Integer) the data source gives the report. */
    public static final String MAX_LENGTH = "dev.kpikit.oda.maxTextLength";

    /** App context key: a thread-safe {@code Collection<String>} to which each cut value's place is added. */
    public static final String NOTICES = "dev.kpikit.oda.textCutNotices";

    /** Ends a cut text, so that a reader sees it is not whole. */
    public static final String MARK = "\u2026";

    private final int maxLength;
    private final Collection<String> notices;

    /**
     * The one warning about texts cut in an Excel file: "{@code file}: text longer than an Excel cell holds (32,767
     * characters) was cut and ends in '…': {@code places[0]} and N more".
     */
    public static String cutWarning(String file, int maxLength, List<String> places) {
        return String.format(Locale.ROOT, "%s: text longer than an Excel cell holds (%,d characters) was cut and ends in '%s': %s%s",
                file, maxLength, MARK, places.get(0), places.size() == 1 ? "" : " and " + (places.size() - 1) + " more");
    }

    private TextLimit(int maxLength, Collection<String> notices) {
        this.maxLength = maxLength;
        this.notices = notices;
    }

    /** The limit the app context asks for, or null when it asks for none. */
    @SuppressWarnings("unchecked")
    static TextLimit of(Object appContext) {
        if (appContext instanceof Map<?, ?> context && context.get(MAX_LENGTH) instanceof Integer max && max > MARK.length()) {
            Object notices = context.get(NOTICES);
            return new TextLimit(max, notices instanceof Collection<?> c ? (Collection<String>) c : null);
        }
        return null;
    }

    /** {@code text}, or its start ending in {@link #MARK} when it is longer than the limit; the cut is noted with its place (built only then: this runs for every text cell). */
    String apply(String text, Supplier<String> place) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int keep = maxLength - MARK.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never half a character
        }
        if (notices != null) {
            notices.add(String.format(Locale.ROOT, "%s (%,d characters)", place.get(), text.length()));
        }
        return text.substring(0, keep) + MARK;
    }
}
