package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kpikit.data.CsvReading;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Status;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.AccountRows;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * What a delivery showed, kept in the store so that the next run of the schedule can compare: the headline KPIs
 * (top-level KPIs of the latest period as of the report's date) with value, target and status, the key accounts
 * (the model's top tier and the major customers) and the HHI band. Read from the report's data folder through the
 * plugin's pure core (the same classes the report's data sets use), without rendering the report.
 *
 * @param asOf     the report's as-of date, yyyy-MM-dd
 * @param kpis     null when the schedule's conditions do not read KPIs
 * @param accounts null when they do not read accounts
 * @param hhiBand  null when they do not read accounts or there is no revenue
 */
public record DeliverySnapshot(String asOf, List<Kpi> kpis, List<KeyAccount> accounts, String hhiBand) {

    /** A headline KPI as the report showed it. */
    public record Kpi(String id, String label, BigDecimal value, BigDecimal target, Status status, String format) {
    }

    /** An account of the top tier or above the major-customer share. */
    public record KeyAccount(String id, String name, BigDecimal score, boolean topTier, boolean majorCustomer) {
    }

    static final String CATALOG_FILE = "kpi-catalog.json";
    private static final String PERIOD_LENGTH = "periodLength";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads what the schedule's conditions compare from the report's data folder as of {@code asOf}.
     *
     * @throws IOException         a file the conditions need is missing or unreadable (named)
     * @throws DataFormatException a data file is malformed (named with line and column)
     */
    static DeliverySnapshot read(Schedule schedule, LocalDate asOf) throws IOException, DataFormatException {
        Path folder = Path.of(schedule.parameters().get(dev.kpikit.runner.engine.RenderRequest.DATA_FOLDER_PARAMETER));
        List<Kpi> kpis = schedule.sendWhen().readsKpis() ? kpis(folder, asOf, schedule.locale(), schedule.reading()) : null;
        List<KeyAccount> accounts = null;
        String band = null;
        if (schedule.sendWhen().readsAccounts()) {
            String length = schedule.parameters().get(PERIOD_LENGTH);
            PeriodLength periodLength = length == null || length.isBlank() ? PeriodLength.YEAR : PeriodLength.parse(length);
            ScoringFolder data = new ScoringFolder(folder).withReading(schedule.reading()); // as the report reads it
            ScoringModel model = data.model(null);
            Portfolio portfolio = data.portfolio(asOf, periodLength, model);
            String topTier = model.tiers().get(0).name();
            accounts = new ArrayList<>();
            // tiers and flags read from the portfolio's columns; a report built only for the accounts kept
            AccountRows rows = portfolio.rows();
            for (int rank = 0; rank < rows.size(); rank++) {
                rows.moveTo(rank);
                boolean top = topTier.equals(rows.tier());
                if (top || rows.majorCustomer()) {
                    AccountReport a = rows.report();
                    accounts.add(new KeyAccount(a.account().id(), a.account().name(), a.score().score(), top, a.majorCustomer()));
                }
            }
            band = portfolio.concentration().band() == null ? null : portfolio.concentration().band().name();
        }
        return new DeliverySnapshot(asOf.toString(), kpis, accounts, band);
    }

    private static List<Kpi> kpis(Path folder, LocalDate asOf, Locale locale, CsvReading reading) throws IOException, DataFormatException {
        Path catalog = folder.resolve(CATALOG_FILE);
        Path metrics = FolderScorecard.metricsTable(folder);
        for (Path file : List.of(catalog, metrics)) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        List<Kpi> kpis = new ArrayList<>();
        for (FolderScorecard.Row row : FolderScorecard.evaluate(catalog, metrics, new FolderScorecard.Options(asOf, null, 1, locale, reading))) {
            KpiResult r = row.result();
            if (r.parentId() == null) {
                kpis.add(new Kpi(r.kpiId(), r.label(), r.value(), r.target(), r.status(), r.format()));
            }
        }
        return kpis;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is always JSON", e);
        }
    }

    static DeliverySnapshot fromJson(String json) {
        try {
            return JSON.readValue(json, DeliverySnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot in the store: " + e.getOriginalMessage(), e);
        }
    }
}
