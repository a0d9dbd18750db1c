package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Builds the one-line explanation of a score from {@code messages.properties}; translators
 * add {@code messages_fr.properties} and so on. A locale without its own file falls back
 * to English, never to the JVM's default locale, so reports do not depend on the server.
 */
final class Explanations {

    private static final String BUNDLE = "dev.kpikit.scoring.messages";

    private Explanations() {
    }

    /**
     * The patterns already parsed, per thread (a MessageFormat is not safe to share) and locale: a data set explains
     * every row in one language, and parsing the patterns again for each was most of the time of explaining it.
     */
    private static final ThreadLocal<Map<Locale, Formats>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    /** Texts kept per locale at most; then the cache starts again (a bound, not an expected size). */
    private static final int MAX_TEXTS = 20_000;

    /**
     * The messages of one bundle in one locale, parsed when first used, and the texts made of them, by key and
     * arguments as shown (see {@link #format}).
     */
    private record Formats(ResourceBundle messages, Map<String, Message> byKey, Map<List<Object>, String> texts,
            Map<Sentence, String[]> sentences) {
    }

    /**
     * A parsed message, and by argument the decimal format that rounds it (null where the argument shows as it is or
     * in a way not worked out here: scientific, significant digits).
     */
    private record Message(MessageFormat format, DecimalFormat[] rounding) {
        static Message of(String pattern, Locale locale) {
            MessageFormat format = new MessageFormat(pattern, locale);
            Format[] byArgument = format.getFormatsByArgumentIndex();
            DecimalFormat[] rounding = new DecimalFormat[byArgument.length];
            for (int i = 0; i < byArgument.length; i++) {
                if (byArgument[i] instanceof DecimalFormat decimal && decimal.getMaximumFractionDigits() < 340
                        && decimal.toPattern().indexOf('E') < 0 && decimal.toPattern().indexOf('@') < 0) {
                    rounding[i] = decimal;
                }
            }
            return new Message(format, rounding);
        }
    }

    /**
     * What an explanation reads of a scored account: an {@link AccountScore}, or a portfolio's row read from its
     * columns (see {@link AccountRows}) without building one.
     */
    interface Explained {
        String tier();

        List<TierRule> appliedRules();

        boolean netNegative();

        FactorInput factorInput(int factor);

        BigDecimal factorValue(int factor);

        BigDecimal factorOutOf(int factor);
    }

    /** What {@link #reasons} reads of a scored account. */
    interface Reasons {
        int factorCount();

        /** The factor has a value and gave points: it can be a reason. */
        boolean givesReason(int factor);

        /** Compares two factors' points. */
        int comparePoints(int factor, int other);
    }

    static String explain(AccountScore score, Locale locale) {
        List<FactorScore> factors = score.factors();
        return explain(new ScoreExplained() {
            @Override
            public String tier() {
                return score.tier();
            }

            @Override
            public List<TierRule> appliedRules() {
                return score.appliedRules();
            }

            @Override
            public boolean netNegative() {
                return score.netNegative();
            }

            @Override
            public int factorCount() {
                return factors.size();
            }

            @Override
            public boolean givesReason(int factor) {
                return factors.get(factor).value() != null && factors.get(factor).points().signum() > 0;
            }

            @Override
            public int comparePoints(int factor, int other) {
                return factors.get(factor).points().compareTo(factors.get(other).points());
            }

            @Override
            public FactorInput factorInput(int factor) {
                return factors.get(factor).input();
            }

            @Override
            public BigDecimal factorValue(int factor) {
                return factors.get(factor).value();
            }

            @Override
            public BigDecimal factorOutOf(int factor) {
                return factors.get(factor).outOf();
            }
        }, locale);
    }

    /**
     * The factors an explanation gives as its reasons: the two with a value and the most points, the earlier first on
     * equal points, picked in one pass rather than sorted, as this runs for every row of a data set. The first in the
     * low 16 bits, the second in the next 16, each 0xffff when there is none.
     */
    static int reasons(Reasons score) {
        int first = -1;
        int second = -1;
        for (int factor = 0; factor < score.factorCount(); factor++) {
            if (!score.givesReason(factor)) {
                continue;
            }
            if (first < 0 || score.comparePoints(factor, first) > 0) {
                second = first;
                first = factor;
            } else if (second < 0 || score.comparePoints(factor, second) > 0) {
                second = factor;
            }
        }
        return first & 0xffff | (second & 0xffff) << 16;
    }

    /** The first reason of {@link #reasons}' result; -1 for none. */
    static int firstReason(int reasons) {
        return (short) reasons;
    }

    /** The second reason of {@link #reasons}' result; -1 for none. */
    static int secondReason(int reasons) {
        return (short) (reasons >>> 16);
    }

    /** An account's score, which explains itself and picks its own reasons. */
    private interface ScoreExplained extends Explained, Reasons {
    }

    private static String explain(ScoreExplained score, Locale locale) {
        return explain(score, reasons(score), locale);
    }

    /** The explanation with its reasons already picked ({@link #reasons}). */
    static String explain(Explained score, int picked, Locale locale) {
        return explain(score, picked, texts(locale));
    }

    /**
     * The messages of a locale and the formats made of them, for the calling thread: taken once for the many rows a
     * reader explains, as finding the bundle costs as much as an explanation. A reader takes them again when it is
     * read on another thread or in another locale, or starts again (a bundle loaded again then shows).
     */
    record Texts(Locale locale, Formats formats, Thread thread) {
        boolean serve(Locale wanted) {
            return thread == Thread.currentThread() && locale.equals(wanted);
        }
    }

    /**
     * Whether kpikit has its texts in the locale's language (English is the base); another language gets them in
     * English, which a command says rather than leaving a user to wonder.
     */
    static boolean hasTexts(Locale locale) {
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return locale.getLanguage().equals("en") || !locale.getLanguage().isEmpty()
                && messages.getLocale().getLanguage().equals(locale.getLanguage());
    }

    static Texts texts(Locale locale) {
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(locale, formats(messages, locale), Thread.currentThread());
    }

    /** The explanation with its reasons already picked, in texts taken on this thread. */
    static String explain(Explained score, int picked, Texts texts) {
        Formats formats = texts.formats();
        ResourceBundle messages = formats.messages();
        Locale locale = texts.locale();
        int first = firstReason(picked);
        int second = secondReason(picked);
        List<String> reasons = first < 0 ? List.of()
                : second < 0 ? List.of(reason(formats, messages, locale, score, first))
                : List.of(reason(formats, messages, locale, score, first), reason(formats, messages, locale, score, second));
        // the sentence around the reasons, once per tier, rules and number of reasons: the reasons themselves vary
        // with the values shown (a growth of 728%), too many sentences to keep, but they go into it as they are
        Sentence key = new Sentence(score.tier(), score.appliedRules(), score.netNegative(), reasons.size());
        String[] pieces = formats.sentences().get(key);
        if (pieces == null) {
            pieces = pieces(score, reasons.size(), messages, locale);
            if (formats.sentences().size() >= MAX_TEXTS) {
                formats.sentences().clear();
            }
            formats.sentences().put(key, pieces);
        }
        if (pieces.length != reasons.size() + 1) {
            return explain(score, reasons, messages, locale); // a translation that leaves out or repeats a reason
        }
        StringBuilder text = new StringBuilder(pieces[0]);
        for (int i = 0; i < reasons.size(); i++) {
            text.append(reasons.get(i)).append(pieces[i + 1]);
        }
        return text.toString();
    }

    /** What makes the sentence around an explanation's reasons (its tier, rules and net-negative flag), and how many. */
    private record Sentence(String tier, List<TierRule> rules, boolean netNegative, int reasons) {
    }

    /** Marks where each reason goes: the messages take the reasons as text, as they are, never formatted. */
    private static final String REASON_MARK = "\uFFFF";

    /**
     * The explanation of this account with reasons left out: the text before the first, between them, and after the
     * last; fewer or more pieces when a message leaves out or repeats a reason.
     */
    private static String[] pieces(Explained score, int reasons, ResourceBundle messages, Locale locale) {
        List<String> marks = Collections.nCopies(reasons, REASON_MARK);
        String marked = explain(score, marks, messages, locale);
        return marked.split(REASON_MARK, -1);
    }

    /** The message key of each input's reason, by {@link FactorInput#ordinal()}. */
    private static final String[] REASON_KEYS = Arrays.stream(FactorInput.values())
            .map(input -> "reason." + input.key()).toArray(String[]::new);

    private static String reason(Formats formats, ResourceBundle messages, Locale locale, Explained score, int factor) {
        return format(formats, messages, locale, REASON_KEYS[score.factorInput(factor).ordinal()], score.factorValue(factor),
                score.factorOutOf(factor));
    }

    private static String explain(Explained score, List<String> reasons, ResourceBundle messages, Locale locale) {
        List<String> rules = new ArrayList<>();
        for (TierRule rule : score.appliedRules()) {
            rules.add(switch (rule) {
                case TierRule.MaxTierBelowShare cap ->
                        format(messages, locale, "rule.maxTierBelowShare", tierName(messages, cap.tier()), cap.minShare());
                case TierRule.MinTierWhen floor -> format(messages, locale, "rule.minTierWhen",
                        tierName(messages, floor.tier()), messages.getString("input." + floor.input().key()), floor.equals());
            });
        }
        String tier = tierName(messages, score.tier());
        String sentence = reasons.isEmpty()
                ? format(messages, locale, "explanation.noReason", tier)
                : format(messages, locale, "explanation", tier, join(messages, locale, reasons));
        String withRules = rules.isEmpty() ? sentence
                : format(messages, locale, "explanation.withRules", sentence, join(messages, locale, rules));
        return score.netNegative() ? format(messages, locale, "explanation.netNegative", withRules) : withRules;
    }

    private static String join(ResourceBundle messages, Locale locale, List<String> parts) {
        String joined = parts.getFirst();
        for (String part : parts.subList(1, parts.size())) {
            joined = format(messages, locale, "list.join", joined, part);
        }
        return joined;
    }

    /** Tiers are named by the model; a translation "tier.KEY" is used when the bundle has one. */
    private static String tierName(ResourceBundle messages, String tier) {
        return messages.containsKey("tier." + tier) ? messages.getString("tier." + tier) : tier;
    }

    /**
     * The text of a message, kept per locale and arguments as the message shows them: a number formatted to whole
     * percent is the same text for every share that rounds to it, so the text is made once for them all.
     */
    private static String format(ResourceBundle messages, Locale locale, String key, Object... args) {
        return format(formats(messages, locale), messages, locale, key, args);
    }

    private static String format(Formats formats, ResourceBundle messages, Locale locale, String key, Object... args) {
        Message message = formats.byKey().computeIfAbsent(key, any -> Message.of(messages.getString(key), locale));
        List<Object> text = new ArrayList<>(args.length + 1);
        text.add(key);
        for (int i = 0; i < args.length; i++) {
            text.add(shown(args[i], i < message.rounding().length ? message.rounding()[i] : null));
        }
        String made = formats.texts().get(text);
        if (made == null) {
            made = message.format().format(args);
            remember(formats, text, made);
        }
        return made;
    }

    /**
     * What of a value its decimal format shows: the sign (-0% is not 0%) and the value rounded to the digits shown,
     * which give the same text whatever digits follow; the value itself without such a format.
     */
    private static Object shown(Object value, DecimalFormat rounding) {
        if (value instanceof BigDecimal number && rounding != null) {
            int multiplier = rounding.getMultiplier();
            // x 100 for a percent: moving the point, not multiplying 34 digits
            BigDecimal multiplied = multiplier == 100 ? number.movePointRight(2)
                    : number.multiply(BigDecimal.valueOf(multiplier));
            return List.of(number.signum(),
                    multiplied.setScale(rounding.getMaximumFractionDigits(), rounding.getRoundingMode()));
        }
        return value;
    }

    private static void remember(Formats formats, List<Object> key, String text) {
        if (formats.texts().size() >= MAX_TEXTS) {
            formats.texts().clear();
        }
        formats.texts().put(key, text);
    }

    private static Formats formats(ResourceBundle messages, Locale locale) {
        Formats formats = FORMATS.get().get(locale);
        if (formats == null || formats.messages() != messages) {
            // first use, or the bundle was loaded again (ResourceBundle.clearCache)
            formats = new Formats(messages, new HashMap<>(), new HashMap<>(), new HashMap<>());
            FORMATS.get().put(locale, formats);
        }
        return formats;
    }
}
