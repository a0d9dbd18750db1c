package dev.kpikit.bench.trials;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;

/**
 * The agency metrics table at N rows for the data bench: the columns of sample-data/agency/metrics.csv
 * ({@code date,client,campaign,impressions,clicks,conversions,adSpend,attributedRevenue}), one row per client,
 * channel and day over the same 24 months (2024-11 to 2026-10), in date order, with the sample generator's model:
 * click-through and conversion rates per channel, a November/December peak, more display and weaker search
 * conversion over the last six months, one client as big as the next eight. Seeded, so the same N gives the same file.
 *
 * <p>Beside metrics.csv it writes the agency's kpi-catalog.json (copied) and expected.csv: the exact sums of each
 * month (rows, impressions, clicks, conversions, ad spend and revenue in cents), written last, so that a folder
 * with expected.csv is complete and the trials can check the KPIs they read back against it.
 */
final class AgencyMetrics {

    static final String METRICS = "metrics.csv";
    static final String CATALOG = "kpi-catalog.json";
    static final String EXPECTED = "expected.csv";

    private static final long SEED = 20261123L;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    private static final int MONTHS = 24;
    private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, FIRST_DAY.plusMonths(MONTHS));
    private static final int CLIENTS = 300;
    private static final String[] NAMED_CLIENTS = {
        "Northwind Retail", "Alder Outdoor", "Bluebell Bakery", "Cobalt Cycles", "Dune Eyewear", "Elm Street Books",
        "Fjord Travel", "Granite Fitness", "Harbor Pets", "Iris Cosmetics", "Juniper Home", "Kestrel Audio",
        "Lumen Lighting", "Maple Kids", "Nimbus Software", "Orchid Florists", "Pine Coffee", "Quartz Watches",
        "Redwood Furniture", "Saffron Kitchen", "Tidal Surf", "Umber Leather", "Violet Fashion", "Willow Garden",
        "Xenia Hotels", "Yarrow Tea", "Zephyr Scooters", "Amber Jewels", "Birch Toys", "Cedar Wellness"};
    /** channel, click-through rate, conversion rate (of clicks), cost per click, revenue per conversion */
    private static final String[] CHANNELS = {"search", "social", "display"};
    private static final double[] CTR = {0.045, 0.012, 0.004};
    private static final double[] CONVERSION = {0.052, 0.030, 0.018};
    private static final double[] COST_PER_CLICK = {1.45, 0.95, 0.70};
    private static final double[] REVENUE_PER_CONVERSION = {118.0, 96.0, 88.0};

    /** The exact sums of one month of the generated table. */
    record Month(String period, long rows, long impressions, long clicks, long conversions, long adSpendCents,
            long revenueCents) {

        double clickThrough() {
            return (double) clicks / impressions;
        }

        double conversion() {
            return (double) conversions / clicks;
        }

        double roas() {
            return (double) revenueCents / adSpendCents;
        }

        double cpa() {
            return adSpendCents / 100.0 / conversions;
        }

        /** The KPIs of the agency catalog by id, in the catalog's order. */
        Map<String, Double> kpis() {
            Map<String, Double> kpis = new LinkedHashMap<>();
            kpis.put("clickThrough", clickThrough());
            kpis.put("conversion", conversion());
            kpis.put("roas", roas());
            kpis.put("cpa", cpa());
            return kpis;
        }
    }

    private AgencyMetrics() {
    }

    /**
     * A trial over the metrics folder of the run's size: warmed up on the small folder, timed on the run's, each
     * variant saying only what it does with a folder (and checking what it computed).
     */
    abstract static class FolderTrial implements Trial {

        private Path folder;

        @Override
        public void prepare(TrialContext context) throws Exception {
            folder = folder(context);
        }

        @Override
        public void warmUp(TrialContext context) throws Exception {
            work(folder(context.data(), DataTrials.WARM_UP_ROWS, context.home()));
        }

        @Override
        public long run(TrialContext context) throws Exception {
            work(folder);
            return context.size();
        }

        /** The variant's work on one folder, checked. */
        abstract void work(Path folder) throws Exception;
    }

    /** The folder of the run's size, its CSV's size recorded beside the run's figures. */
    static Path folder(TrialContext context) throws IOException {
        Path folder = folder(context.data(), context.size(), context.home());
        context.record("csv MB", Files.size(folder.resolve(METRICS)) / 1e6);
        return folder;
    }

    /** The folder {@code <data>/data-metrics-<rows>} with the table of that many rows, generated if missing. */
    static Path folder(Path data, long rows, Path home) throws IOException {
        Path folder = Files.createDirectories(data.resolve("data-metrics-" + rows));
        if (!Files.exists(folder.resolve(EXPECTED))) {
            generate(folder, rows);
        }
        Files.copy(home.resolve("sample-data/agency").resolve(CATALOG), folder.resolve(CATALOG), StandardCopyOption.REPLACE_EXISTING);
        return folder;
    }

    /** The months of a generated folder, oldest first. */
    static List<Month> expected(Path folder) throws IOException {
        List<Month> months = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(EXPECTED))) {
            if (line.startsWith("period")) {
                continue;
            }
            String[] f = line.split(",");
            months.add(new Month(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6])));
        }
        return months;
    }

    private static void generate(Path folder, long rows) throws IOException {
        Random random = new Random(SEED);
        String[] clients = new String[CLIENTS];
        double[] size = new double[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            clients[c] = c < NAMED_CLIENTS.length ? NAMED_CLIENTS[c] : String.format("Client %03d", c + 1);
            size[c] = c == 0 ? 9.0 : StrictMath.exp(random.nextGaussian() * 0.6);
        }
        long[][] sums = new long[MONTHS][6];
        Path partial = folder.resolve(METRICS + ".partial");
        StringBuilder line = new StringBuilder(128);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 20)) {
            out.write("date,client,campaign,impressions,clicks,conversions,adSpend,attributedRevenue\n");
            int currentDay = -1;
            String date = null;
            int m = 0;
            double season = 1;
            double late = 0;
            for (long i = 0; i < rows; i++) {
                int day = (int) (i * DAYS / rows);
                if (day != currentDay) {
                    currentDay = day;
                    LocalDate d = FIRST_DAY.plusDays(day);
                    date = d.toString();
                    m = (int) ChronoUnit.MONTHS.between(FIRST_DAY, d.withDayOfMonth(1));
                    int calendarMonth = d.getMonthValue();
                    season = calendarMonth == 11 || calendarMonth == 12 ? 1.35 : calendarMonth == 1 ? 0.8 : 1.0;
                    late = m >= MONTHS - 6 ? (m - (MONTHS - 7)) / 6.0 : 0;
                }
                int c = random.nextInt(CLIENTS);
                int ch = random.nextInt(CHANNELS.length);
                if (c % 3 == 2 && ch == 1 || c % 4 == 3 && ch == 2) {
                    ch = 0; // not every client runs every channel
                }
                double displayGrowth = ch == 2 ? 1 + 0.9 * late : 1;
                double conversionSlip = ch == 0 ? 1 - 0.25 * late : 1;
                long impressions = Math.round(2_000 * size[c] * season * displayGrowth * noise(random, 0.15) * (ch == 2 ? 3 : 1));
                long clicks = Math.round(impressions * CTR[ch] * noise(random, 0.1));
                long conversions = Math.round(clicks * CONVERSION[ch] * conversionSlip * noise(random, 0.2));
                long spendCents = Math.round(clicks * COST_PER_CLICK[ch] * noise(random, 0.05) * 100);
                long revenueCents = Math.round(conversions * REVENUE_PER_CONVERSION[ch] * noise(random, 0.15) * 100);
                long[] month = sums[m];
                month[0]++;
                month[1] += impressions;
                month[2] += clicks;
                month[3] += conversions;
                month[4] += spendCents;
                month[5] += revenueCents;
                line.setLength(0);
                line.append(date).append(',').append(clients[c]).append(',').append(CHANNELS[ch]).append(',').append(impressions)
                        .append(',').append(clicks).append(',').append(conversions).append(',');
                money(line, spendCents).append(',');
                money(line, revenueCents).append('\n');
                out.append(line);
            }
        }
        Files.move(partial, folder.resolve(METRICS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        StringBuilder expected = new StringBuilder("period,rows,impressions,clicks,conversions,adSpendCents,revenueCents\n");
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = FIRST_DAY.plusMonths(m);
            expected.append(String.format("%04d-%02d", month.getYear(), month.getMonthValue()));
            for (long sum : sums[m]) {
                expected.append(',').append(sum);
            }
            expected.append('\n');
        }
        Files.writeString(folder.resolve(EXPECTED), expected);
    }

    private static StringBuilder money(StringBuilder line, long cents) {
        line.append(cents / 100).append('.');
        long rest = cents % 100;
        return line.append(rest < 10 ? "0" : "").append(rest);
    }

    /** A factor around 1 with the given relative spread, never below 0.2. */
    private static double noise(Random random, double spread) {
        return Math.max(0.2, 1 + random.nextGaussian() * spread);
    }
}
