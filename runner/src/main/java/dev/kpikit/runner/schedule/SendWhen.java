package dev.kpikit.runner.schedule;

import java.util.List;
import java.util.Set;

/**
 * A schedule's {@code sendWhen}: the conditions (any one sends) and, for {@code kpi-off-target}, which KPIs count
 * (empty: every headline KPI) and whether AMBER counts as off target too.
 */
public record SendWhen(Set<SendCondition> conditions, List<String> offTargetKpis, boolean amberIsOffTarget) {

    public static final SendWhen ALWAYS = new SendWhen(Set.of(SendCondition.ALWAYS), List.of(), false);

    public boolean always() {
        return conditions.contains(SendCondition.ALWAYS);
    }

    public boolean readsKpis() {
        return conditions.stream().anyMatch(SendCondition::readsKpis);
    }

    public boolean readsAccounts() {
        return conditions.contains(SendCondition.KEY_ACCOUNTS_CHANGED) || conditions.contains(SendCondition.CONCENTRATION_BAND_CHANGED);
    }
}
