package dev.kpikit.runner.schedule;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kpikit.kpi.Status;
import dev.kpikit.scoring.RevenueShares;

/**
 * Whether a delivery goes out under its schedule's {@code sendWhen}, and what changed, said in the schedule's
 * language (changes.properties) for the subject and the first lines of the body.
 */
final class SendConditions {

    /**
     * @param send    whether the delivery goes out
     * @param changes what the recipients are told changed, first in the subject (empty: nothing to add)
     * @param reason  for the history: why it was skipped, what changed, or that there was nothing to compare with
     */
    record Decision(boolean send, List<String> changes, String reason) {
        static final Decision ALWAYS = new Decision(true, List.of(), null);
    }

    private SendConditions() {
    }

    /**
     * @param previous what the last SENT delivery of the schedule showed, null when there is none
     * @throws IllegalArgumentException when offTarget names a KPI that is not a headline KPI of the catalog
     */
    static Decision decide(SendWhen when, DeliverySnapshot previous, DeliverySnapshot current, Locale locale) {
        if (when.always()) {
            return Decision.ALWAYS;
        }
        Texts texts = new Texts(locale);
        List<String> changes = new ArrayList<>();
        boolean nothingToCompare = false;
        if (when.conditions().contains(SendCondition.KPI_STATUS_CHANGED)) {
            if (previous == null || previous.kpis() == null) {
                nothingToCompare = true;
            } else {
                Map<String, DeliverySnapshot.Kpi> before = byId(previous.kpis(), DeliverySnapshot.Kpi::id);
                for (DeliverySnapshot.Kpi kpi : current.kpis()) {
                    DeliverySnapshot.Kpi was = before.get(kpi.id());
                    if (was != null && !sameStatus(was, kpi)) {
                        changes.add(texts.kpi("kpi.turned." + kpi.status(), kpi));
                    }
                }
            }
        }
        if (when.conditions().contains(SendCondition.KPI_OFF_TARGET)) {
            Map<String, DeliverySnapshot.Kpi> now = byId(current.kpis(), DeliverySnapshot.Kpi::id);
            for (String id : when.offTargetKpis()) {
                if (!now.containsKey(id)) {
                    throw new IllegalArgumentException("offTarget.kpis: '" + id + "' is not a headline KPI of "
                            + DeliverySnapshot.CATALOG_FILE + "; headline KPIs: " + now.keySet());
                }
            }
            for (DeliverySnapshot.Kpi kpi : current.kpis()) {
                boolean watched = when.offTargetKpis().isEmpty() || when.offTargetKpis().contains(kpi.id());
                boolean off = kpi.status() == Status.RED || when.amberIsOffTarget() && kpi.status() == Status.AMBER;
                // a KPI that just turned red is told once
                if (watched && off && !changes.contains(texts.kpi("kpi.turned." + kpi.status(), kpi))) {
                    changes.add(texts.kpi("kpi.off." + kpi.status(), kpi));
                }
            }
        }
        if (when.conditions().contains(SendCondition.KEY_ACCOUNTS_CHANGED)) {
            if (previous == null || previous.accounts() == null) {
                nothingToCompare = true;
            } else {
                changes.addAll(accountChanges(previous.accounts(), current.accounts(), texts));
            }
        }
        if (when.conditions().contains(SendCondition.CONCENTRATION_BAND_CHANGED)) {
            if (previous == null || previous.accounts() == null) {
                nothingToCompare = true;
            } else if (!Objects.equals(previous.hhiBand(), current.hhiBand()) && current.hhiBand() != null) {
                changes.add(texts.format("band.moved", texts.band(previous.hhiBand()), texts.band(current.hhiBand())));
            }
        }
        String conditions = when.conditions().stream().map(SendCondition::text).sorted().collect(Collectors.joining(", "));
        if (!changes.isEmpty()) {
            return new Decision(true, List.copyOf(changes), "sendWhen: " + String.join("; ", changes));
        }
        if (nothingToCompare) {
            return new Decision(true, List.of(), "sendWhen [" + conditions + "]: no earlier delivery to compare with");
        }
        boolean comparing = when.conditions().stream().anyMatch(c -> c != SendCondition.KPI_OFF_TARGET);
        List<String> why = new ArrayList<>();
        if (comparing) {
            why.add("nothing changed since the delivery as of " + previous.asOf());
        }
        if (when.conditions().contains(SendCondition.KPI_OFF_TARGET)) {
            why.add("no headline KPI off target");
        }
        return new Decision(false, List.of(), "sendWhen [" + conditions + "]: " + String.join(" and ", why));
    }

    /**
     * Whether a headline KPI kept its status. A snapshot kept before Status.NO_VALUE existed says NONE for a KPI with
     * a target but no value: that is the same status, not a change to tell once after an upgrade.
     */
    private static boolean sameStatus(DeliverySnapshot.Kpi was, DeliverySnapshot.Kpi now) {
        return was.status() == now.status()
                || was.status() == Status.NONE && was.value() == null && was.target() != null && now.status() == Status.NO_VALUE;
    }

    private static List<String> accountChanges(List<DeliverySnapshot.KeyAccount> before, List<DeliverySnapshot.KeyAccount> now,
            Texts texts) {
        Map<String, DeliverySnapshot.KeyAccount> was = byId(before, DeliverySnapshot.KeyAccount::id);
        Map<String, DeliverySnapshot.KeyAccount> is = byId(now, DeliverySnapshot.KeyAccount::id);
        List<String> changes = new ArrayList<>();
        String share = NumberFormat.getPercentInstance(texts.locale).format(RevenueShares.MAJOR_CUSTOMER_SHARE);
        for (DeliverySnapshot.KeyAccount a : now) {
            DeliverySnapshot.KeyAccount old = was.get(a.id());
            if (a.topTier() && (old == null || !old.topTier())) {
                changes.add(texts.format("account.new", a.name(), texts.score(a.score())));
            }
            if (a.majorCustomer() && (old == null || !old.majorCustomer())) {
                changes.add(texts.format("account.majorNew", a.name(), share));
            }
        }
        for (DeliverySnapshot.KeyAccount old : before) {
            DeliverySnapshot.KeyAccount a = is.get(old.id());
            if (old.topTier() && (a == null || !a.topTier())) {
                changes.add(texts.format("account.gone", old.name(), texts.score(old.score())));
            }
            if (old.majorCustomer() && (a == null || !a.majorCustomer())) {
                changes.add(texts.format("account.majorGone", old.name(), share));
            }
        }
        return changes;
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        Map<String, T> map = new java.util.LinkedHashMap<>();
        if (list != null) {
            list.forEach(item -> map.put(id.apply(item), item));
        }
        return map;
    }

    /** The sentences of changes.properties in one language. */
    private static final class Texts {
        final Locale locale;
        final ResourceBundle bundle;

        Texts(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle("dev.kpikit.runner.schedule.changes", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String format(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }

        String kpi(String key, DeliverySnapshot.Kpi kpi) {
            return format(key, kpi.label(), number(kpi.value(), kpi.format()), number(kpi.target(), kpi.format()));
        }

        String number(BigDecimal value, String pattern) {
            if (value == null) {
                return bundle.getString("noValue");
            }
            if (pattern == null || pattern.isBlank()) {
                return value.toPlainString();
            }
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
        }

        String score(BigDecimal score) {
            return number(score, "0.0");
        }

        String band(String band) {
            return band == null ? bundle.getString("noValue") : bundle.getString("band." + band);
        }
    }
}
