package dev.kpikit.kpi;

import java.util.List;

/** A KPI catalog that cannot be loaded or evaluated; every problem is one line naming the catalog. */
public final class KpiCatalogException extends RuntimeException {

    private final List<String> problems;

    public KpiCatalogException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
