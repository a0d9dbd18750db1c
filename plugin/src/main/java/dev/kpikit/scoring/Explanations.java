package dev.kpikit.scoring;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    private static final int TOP_REASONS = 2;

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
     * The formats of one bundle in one locale, parsed when first used, and the texts made from arguments that repeat
     * across accounts (tiers, judgements, the sentences made of them), by key and arguments.
     */
    private record Formats(ResourceBundle messages, Map<String, MessageFormat> byKey, Map<List<Object>, String> texts) {
    }

    static String explain(AccountScore score, Locale locale) {
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<FactorScore> top = score.factors().stream()
                .filter(factor -> factor.value() != null && factor.points().signum() > 0)
                .sorted(Comparator.comparing(FactorScore::points).reversed())
                .limit(TOP_REASONS)
                .toList();
        // the whole sentence, once per tier, reasons and rules, when its reasons repeat across accounts
        List<Object> sentence = null;
        if (top.stream().allMatch(factor -> repeats(factor.input()))) {
            sentence = new ArrayList<>(4 + 3 * top.size());
            sentence.add(EXPLANATION);
            sentence.add(score.tier());
            sentence.add(score.appliedRules());
            sentence.add(score.netNegative());
            for (FactorScore factor : top) {
                sentence.add(factor.input());
                sentence.add(factor.value());
                sentence.add(factor.outOf());
            }
            String known = formats(messages, locale).texts().get(sentence);
            if (known != null) {
                return known;
            }
        }
        String made = explain(score, top, messages, locale);
        if (sentence != null) {
            remember(formats(messages, locale), sentence, made);
        }
        return made;
    }

    /** The key of a whole explanation among the texts kept. */
    private static final Object EXPLANATION = new Object();

    private static String explain(AccountScore score, List<FactorScore> top, ResourceBundle messages, Locale locale) {
        List<String> reasons = top.stream()
                .map(factor -> repeats(factor.input())
                        ? format(messages, locale, "reason." + factor.input().key(), factor.value(), factor.outOf())
                        : formatOnce(messages, locale, "reason." + factor.input().key(), factor.value(), factor.outOf()))
                .toList();
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

    /** True for an input whose values repeat across accounts (judgements, years), false for money and its ratios. */
    private static boolean repeats(FactorInput input) {
        return switch (input) {
            case REVENUE, REVENUE_SHARE, REVENUE_GROWTH -> false;
            default -> true;
        };
    }

    /** Tiers are named by the model; a translation "tier.KEY" is used when the bundle has one. */
    private static String tierName(ResourceBundle messages, String tier) {
        return messages.containsKey("tier." + tier) ? messages.getString("tier." + tier) : tier;
    }

    /** The text of a message whose arguments repeat across accounts: made once per locale and arguments. */
    private static String format(ResourceBundle messages, Locale locale, String key, Object... args) {
        Formats formats = formats(messages, locale);
        List<Object> text = new ArrayList<>(args.length + 1);
        text.add(key);
        text.addAll(Arrays.asList(args));
        String made = formats.texts().get(text);
        if (made == null) {
            made = formatOnce(messages, locale, key, args);
            remember(formats, text, made);
        }
        return made;
    }

    private static void remember(Formats formats, List<Object> key, String text) {
        if (formats.texts().size() >= MAX_TEXTS) {
            formats.texts().clear();
        }
        formats.texts().put(key, text);
    }

    /** The text of a message, made each time: for arguments seldom seen twice (an account's share of revenue). */
    private static String formatOnce(ResourceBundle messages, Locale locale, String key, Object... args) {
        return formats(messages, locale).byKey()
                .computeIfAbsent(key, any -> new MessageFormat(messages.getString(key), locale)).format(args);
    }

    private static Formats formats(ResourceBundle messages, Locale locale) {
        Formats formats = FORMATS.get().get(locale);
        if (formats == null || formats.messages() != messages) {
            // first use, or the bundle was loaded again (ResourceBundle.clearCache)
            formats = new Formats(messages, new HashMap<>(), new HashMap<>());
            FORMATS.get().put(locale, formats);
        }
        return formats;
    }
}
