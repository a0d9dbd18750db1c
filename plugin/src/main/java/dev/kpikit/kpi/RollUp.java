package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scorecard roll-up. A KPI without children keeps its own status score; a KPI with children
 * (a perspective, an objective) scores the weighted average of its children's scores, at any
 * depth. Children without a score are left out; a parent none of whose children has a score
 * has none either. The label of a rolled-up score is {@link Status#ofScore}; a parent without a score is
 * {@link Status#NO_VALUE} when one of its children is (a target waits for a value), else {@link Status#NONE}.
 */
public final class RollUp {

    private final Map<String, List<Kpi>> childrenById = new HashMap<>();
    private final Map<String, BigDecimal> scores = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private RollUp(Collection<Kpi> kpis) {
        for (Kpi kpi : kpis) {
            if (kpi.parentId() != null) {
                childrenById.computeIfAbsent(kpi.parentId(), id -> new ArrayList<>()).add(kpi);
            }
        }
    }

    /** The status score of every KPI by id, in the order given. */
    public static Map<String, BigDecimal> scores(Collection<Kpi> kpis) {
        RollUp rollUp = new RollUp(kpis);
        for (Kpi kpi : kpis) {
            rollUp.score(kpi);
        }
        return rollUp.scores;
    }

    /**
     * The status of every KPI by id, in the order given: a KPI without children its own ({@link Kpi#status}), one
     * with children the label of its rolled-up score, or without a score as the class comment says.
     */
    public static Map<String, Status> statuses(Collection<Kpi> kpis) {
        RollUp rollUp = new RollUp(kpis);
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            rollUp.status(kpi, statuses);
        }
        return statuses;
    }

    private Status status(Kpi kpi, Map<String, Status> statuses) {
        Status known = statuses.get(kpi.id());
        if (known != null) {
            return known;
        }
        List<Kpi> children = childrenById.get(kpi.id());
        BigDecimal score = score(kpi); // refuses a cycle before the recursion below could meet it
        Status status;
        if (children == null) {
            status = kpi.status();
        } else if (score != null) {
            status = Status.ofScore(score);
        } else {
            boolean waiting = false;
            for (Kpi child : children) {
                waiting |= status(child, statuses) == Status.NO_VALUE;
            }
            status = waiting ? Status.NO_VALUE : Status.NONE;
        }
        statuses.put(kpi.id(), status);
        return status;
    }

    private BigDecimal score(Kpi kpi) {
        if (scores.containsKey(kpi.id())) {
            return scores.get(kpi.id());
        }
        if (!inProgress.add(kpi.id())) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' is its own ancestor");
        }
        List<Kpi> children = childrenById.get(kpi.id());
        BigDecimal score;
        if (children == null) {
            score = kpi.statusScore();
        } else {
            WeightedAverage average = new WeightedAverage();
            for (Kpi child : children) {
                average.add(score(child), child.weight() == null ? BigDecimal.ONE : child.weight());
            }
            score = average.value();
        }
        inProgress.remove(kpi.id());
        scores.put(kpi.id(), score);
        return score;
    }
}
