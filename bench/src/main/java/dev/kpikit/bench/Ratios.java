package dev.kpikit.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.kpikit.bench.harness.Comparison;
import dev.kpikit.bench.harness.Summary;

/** The one line a comparison ends in: kpikit's median against each other variant's, as a ratio. */
final class Ratios {

    private Ratios() {
    }

    static String line(Comparison comparison, List<Summary> summaries) {
        if (comparison.variants().size() == 1) {
            return growth(comparison, summaries);
        }
        long size = summaries.get(summaries.size() - 1).size();
        List<Summary> atSize = summaries.stream().filter(s -> s.size() == size).toList();
        Summary kpikit = atSize.get(0);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %,d %s: %s", comparison.name(), size,
                comparison.unit(), figures(kpikit)));
        for (Summary other : atSize.subList(1, atSize.size())) {
            line.append(" | ").append(figures(other));
            if (kpikit.ok() && other.ok()) {
                double ratio = other.medianSeconds() / kpikit.medianSeconds();
                Summary faster = ratio >= 1 ? kpikit : other;
                Summary slower = ratio >= 1 ? other : kpikit;
                line.append(String.format(Locale.ROOT, " => %s %.2fx faster than %s", faster.variant(), Math.max(ratio, 1 / ratio),
                        slower.variant()));
            }
        }
        return line.toString();
    }

    /** One variant over several sizes: how time and heap grow with the size. */
    private static String growth(Comparison comparison, List<Summary> summaries) {
        String sizes = summaries.stream().map(s -> String.format(Locale.ROOT, "%,d %s %s", s.size(), comparison.unit(), figures(s)))
                .collect(Collectors.joining(" | "));
        Summary first = summaries.get(0);
        Summary last = summaries.get(summaries.size() - 1);
        String ratio = first.ok() && last.ok() && last.size() > first.size()
                ? String.format(Locale.ROOT, " => %.0fx the %s: %.1fx the time, %.1fx the live heap",
                        (double) last.size() / first.size(), comparison.unit(), last.medianSeconds() / first.medianSeconds(),
                        last.medianLiveMb() / first.medianLiveMb())
                : "";
        return String.format(Locale.ROOT, "%-10s %s%s", comparison.name(), sizes, ratio);
    }

    static String figures(Summary summary) {
        if (!summary.ok()) {
            return summary.variant() + " failed (" + summary.failures().get(0) + ")";
        }
        return String.format(Locale.ROOT, "%s %.2f s [%.2f-%.2f] peak %.0f MB%s", summary.variant(), summary.medianSeconds(),
                summary.minSeconds(), summary.maxSeconds(), summary.medianPeakMb(),
                summary.failures().isEmpty() ? "" : " (" + summary.failures().size() + " failed)");
    }
}
