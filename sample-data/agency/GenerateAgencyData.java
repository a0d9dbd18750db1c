import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes sample-data/agency/metrics.csv: a digital agency's campaign results per client, campaign
 * and month, 24 months ending 2026-10. One high-profile client (Northwind Retail) buys about a
 * quarter of the media among 30 clients. The figures are made up but behave like the real thing:
 * click-through and conversion rates per channel, seasonal peaks in November and December, and a
 * slipping return on ad spend over the last months as display spend grows.
 *
 * <p>For key-account scoring it also writes accounts.csv (the clients) and revenue.csv (the agency's
 * fee invoices: a management fee of 15 % of the client's media spend of the month, invoiced at the
 * month's end). Their judgements come from a second random source, so metrics.csv stays as it was.
 *
 * Seeded, so the output is the same on every JDK: {@code java sample-data/agency/GenerateAgencyData.java [folder]}.
 */
public final class GenerateAgencyData {

    private static final long SEED = 20261031L;
    private static final long ACCOUNTS_SEED = 20261101L;
    private static final BigDecimal FEE_RATE = new BigDecimal("0.15");
    private static final LocalDate FIRST_MONTH = LocalDate.of(2024, 11, 1);
    private static final int MONTHS = 24;

    private static final String[] CLIENTS = {
        "Northwind Retail", "Alder Outdoor", "Bluebell Bakery", "Cobalt Cycles", "Dune Eyewear", "Elm Street Books",
        "Fjord Travel", "Granite Fitness", "Harbor Pets", "Iris Cosmetics", "Juniper Home", "Kestrel Audio",
        "Lumen Lighting", "Maple Kids", "Nimbus Software", "Orchid Florists", "Pine Coffee", "Quartz Watches",
        "Redwood Furniture", "Saffron Kitchen", "Tidal Surf", "Umber Leather", "Violet Fashion", "Willow Garden",
        "Xenia Hotels", "Yarrow Tea", "Zephyr Scooters", "Amber Jewels", "Birch Toys", "Cedar Wellness"};

    /** channel, click-through rate, conversion rate (of clicks), cost per click, revenue per conversion */
    private static final Object[][] CAMPAIGNS = {
        {"search", 0.045, 0.052, 1.45, 118.0},
        {"social", 0.012, 0.030, 0.95, 96.0},
        {"display", 0.004, 0.018, 0.70, 88.0}};

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data/agency");
        Random random = new Random(SEED);
        BigDecimal[][] spendByClient = new BigDecimal[MONTHS][CLIENTS.length];
        BigDecimal[] lastYearSpend = new BigDecimal[CLIENTS.length];
        BigDecimal[] lastYearRevenue = new BigDecimal[CLIENTS.length];
        int[] channels = new int[CLIENTS.length];
        try (Writer out = Files.newBufferedWriter(folder.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
            out.write("date,client,campaign,impressions,clicks,conversions,adSpend,attributedRevenue\n");
            double[] size = new double[CLIENTS.length];
            for (int c = 0; c < CLIENTS.length; c++) {
                // the high-profile client is as big as the next eight together
                size[c] = c == 0 ? 9.0 : StrictMath.exp(random.nextGaussian() * 0.6);
            }
            for (int m = 0; m < MONTHS; m++) {
                LocalDate month = FIRST_MONTH.plusMonths(m);
                int calendarMonth = month.getMonthValue();
                double season = calendarMonth == 11 || calendarMonth == 12 ? 1.35 : calendarMonth == 1 ? 0.8 : 1.0;
                // the last six months: more display, weaker search conversion
                double late = m >= MONTHS - 6 ? (m - (MONTHS - 7)) / 6.0 : 0;
                for (int c = 0; c < CLIENTS.length; c++) {
                    for (Object[] campaign : CAMPAIGNS) {
                        String channel = (String) campaign[0];
                        if (c % 3 == 2 && channel.equals("social") || c % 4 == 3 && channel.equals("display")) {
                            continue; // not every client runs every channel
                        }
                        double displayGrowth = channel.equals("display") ? 1 + 0.9 * late : 1;
                        double conversionSlip = channel.equals("search") ? 1 - 0.25 * late : 1;
                        long impressions = Math.round(40_000 * size[c] * season * displayGrowth * noise(random, 0.15)
                                * (channel.equals("display") ? 3 : 1));
                        long clicks = Math.round(impressions * (double) campaign[1] * noise(random, 0.1));
                        long conversions = Math.round(clicks * (double) campaign[2] * conversionSlip * noise(random, 0.2));
                        BigDecimal spend = money(clicks * (double) campaign[3] * noise(random, 0.05));
                        BigDecimal revenue = money(conversions * (double) campaign[4] * noise(random, 0.15));
                        spendByClient[m][c] = add(spendByClient[m][c], spend);
                        if (m >= MONTHS - 12) {
                            lastYearSpend[c] = add(lastYearSpend[c], spend);
                            lastYearRevenue[c] = add(lastYearRevenue[c], revenue);
                        }
                        if (m == 0) {
                            channels[c]++;
                        }
                        out.write(month + "," + CLIENTS[c] + "," + channel + "," + impressions + "," + clicks + ","
                                + conversions + "," + spend.toPlainString() + "," + revenue.toPlainString() + "\n");
                    }
                }
            }
        }
        writeAccounts(folder, channels, lastYearSpend, lastYearRevenue);
        try (Writer out = Files.newBufferedWriter(folder.resolve("revenue.csv"), StandardCharsets.UTF_8)) {
            out.write("date,account_id,amount\n");
            for (int m = 0; m < MONTHS; m++) {
                LocalDate invoiceDate = FIRST_MONTH.plusMonths(m + 1).minusDays(1);
                for (int c = 0; c < CLIENTS.length; c++) {
                    BigDecimal fee = spendByClient[m][c].multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP);
                    out.write(invoiceDate + "," + accountId(c) + "," + fee.toPlainString() + "\n");
                }
            }
        }
    }

    /**
     * The clients with their judgements: the high-profile client is strategic and close; the others
     * engage more the more channels they run, and are as satisfied as their last year's return on ad
     * spend lets them be.
     */
    private static void writeAccounts(Path folder, int[] channels, BigDecimal[] lastYearSpend, BigDecimal[] lastYearRevenue)
            throws IOException {
        Random random = new Random(ACCOUNTS_SEED);
        try (Writer out = Files.newBufferedWriter(folder.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
            out.write("account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n");
            for (int c = 0; c < CLIENTS.length; c++) {
                double roas = lastYearRevenue[c].doubleValue() / lastYearSpend[c].doubleValue();
                int satisfaction = (int) Math.max(1, Math.min(5, Math.round(roas - 0.3 + random.nextGaussian() * 0.5)));
                String row = c == 0
                        ? accountId(c) + "," + CLIENTS[c] + ",Enterprise,5,3,5," + satisfaction + ",2019-03-01"
                        : accountId(c) + "," + CLIENTS[c] + "," + (lastYearSpend[c].doubleValue() > 60_000 ? "Mid-market" : "SMB")
                                + "," + (1 + random.nextInt(4)) + "," + (1 + random.nextInt(5)) + ","
                                + Math.min(5, channels[c] + random.nextInt(3)) + "," + satisfaction + ","
                                + LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1);
                out.write(row + "\n");
            }
        }
    }

    private static String accountId(int client) {
        return String.format("A%02d", client + 1);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
        return sum == null ? amount : sum.add(amount);
    }

    /** A factor around 1 with the given relative spread, never below 0.2. */
    private static double noise(Random random, double spread) {
        return Math.max(0.2, 1 + random.nextGaussian() * spread);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
