package dev.kpikit.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates sample-data/startup/accounts.csv and revenue.csv: a start-up's 40 customers and
 * 24 months of invoices up to 2026-10-31, from a fixed seed so the files never change by
 * accident ({@code StartupSampleDataTest} compares them). Two customers tell the story:
 * "Client A" brings most of the revenue, and "Nordlys Robotics", small but strategic
 * (strategic value 5, growth potential 5) and growing fast. "Harbor Freight" is big but
 * cold. Run {@code main} with the target folder to rewrite the files after a change here.
 */
public final class StartupSampleData {

    static final LocalDate FIRST_MONTH = LocalDate.of(2024, 11, 1);
    static final int MONTHS = 24;
    private static final long SEED = 20261031L;
    private static final String[] SEGMENTS = {"Enterprise", "Mid-market", "SMB", "Startup"};
    private static final String[] NAMES = {
        "Northwind Labs", "Blue Harbor", "Fjord Analytics", "Kestrel Health", "Lumen Retail", "Orchid Studios",
        "Pinecone Logistics", "Quartz Legal", "Riverbend Foods", "Saffron Travel", "Tidewater Energy",
        "Umbra Security", "Vantage Schools", "Willow Care", "Yarrow Farms", "Zephyr Mobility", "Aster Finance",
        "Beacon Media", "Cobalt Mining", "Delta Dental Group", "Ember Games", "Falcon Freight", "Granite Homes",
        "Helix Biotech", "Iris Optics", "Juniper Hotels", "Kite Payments", "Larch Publishing", "Maple Insurance",
        "Nimbus Cloud", "Opal Jewellers", "Prism Architects", "Quill Education", "Rowan Clinics", "Sable Outdoor",
        "Tern Aviation", "Umber Wine Co"};

    private StartupSampleData() {
    }

    /** A customer and the shape of its monthly revenue. */
    private record Customer(String id, String name, String segment, Integer strategic, Integer potential,
                            Integer engagement, Integer satisfaction, LocalDate since,
                            double monthly, double yearlyGrowth, int firstMonth, int invoicesPerMonth) {
    }

    private static List<Customer> customers(Random random) {
        List<Customer> customers = new ArrayList<>();
        customers.add(new Customer("C01", "Client A", "Enterprise", 4, 3, 4, 4, LocalDate.of(2018, 6, 1),
                48_000, 0.08, 0, 4));
        customers.add(new Customer("C02", "Harbor Freight", "Enterprise", 2, 1, 2, 3, LocalDate.of(2023, 2, 1),
                19_000, -0.15, 0, 2));
        customers.add(new Customer("C03", "Nordlys Robotics", "Startup", 5, 5, 5, 5, LocalDate.of(2021, 3, 1),
                1_000, 2.4, 2, 1));
        for (int i = 0; i < NAMES.length; i++) {
            boolean profiled = i % 13 != 7; // a few customers nobody has judged yet: blank judgements
            customers.add(new Customer(String.format("C%02d", i + 4), NAMES[i], SEGMENTS[1 + random.nextInt(3)],
                    profiled ? 1 + random.nextInt(4) : null, profiled ? 1 + random.nextInt(4) : null,
                    profiled ? 1 + random.nextInt(4) : null, i % 9 == 4 ? null : 1 + random.nextInt(5),
                    LocalDate.of(2016 + random.nextInt(9), 1 + random.nextInt(12), 1),
                    Math.exp(7.0 + 0.75 * random.nextGaussian()), -0.2 + 0.5 * random.nextDouble(),
                    i % 11 == 5 ? 6 + random.nextInt(10) : 0, 1 + random.nextInt(2)));
        }
        return customers;
    }

    static String accountsCsv() {
        StringBuilder csv = new StringBuilder(
                "account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n");
        for (Customer c : customers(new Random(SEED))) {
            csv.append(String.join(",", c.id, c.name, c.segment, text(c.strategic), text(c.potential),
                    text(c.engagement), text(c.satisfaction), c.since.toString())).append('\n');
        }
        return csv.toString();
    }

    /** An invoice line of revenue.csv. */
    private record Invoice(LocalDate date, String account, BigDecimal amount) {
    }

    static String revenueCsv() {
        Random random = new Random(SEED);
        List<Customer> customers = customers(random);
        List<List<Invoice>> months = new ArrayList<>();
        for (int month = 0; month < MONTHS; month++) {
            LocalDate first = FIRST_MONTH.plusMonths(month);
            double season = 1 + 0.08 * Math.sin(2 * Math.PI * (first.getMonthValue() - 3) / 12.0);
            List<Invoice> invoices = new ArrayList<>();
            for (Customer c : customers) {
                if (month < c.firstMonth) {
                    continue;
                }
                double monthly = c.monthly * Math.pow(1 + c.yearlyGrowth, (month - c.firstMonth) / 12.0) * season;
                for (int invoice = 0; invoice < c.invoicesPerMonth; invoice++) {
                    double amount = monthly / c.invoicesPerMonth * (0.85 + 0.3 * random.nextDouble());
                    LocalDate date = first.plusDays(random.nextInt(first.lengthOfMonth()));
                    invoices.add(new Invoice(date, c.id, BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP)));
                }
            }
            months.add(invoices);
        }
        loyaltyMoves(months);
        StringBuilder csv = new StringBuilder("date,account_id,amount\n");
        for (List<Invoice> invoices : months) {
            for (Invoice invoice : invoices) {
                csv.append(invoice.date).append(',').append(invoice.account).append(',').append(invoice.amount.toPlainString()).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * Real customers move: now and then one skips a month and is invoiced for it with the next month's (so
     * retention dips and the customer comes back as new), a customer invoiced once splits a month's bill in two or
     * one invoiced twice pays once (so the repeat-customer rate moves). Deterministic, after the seeded draws so
     * nothing else changes, and never across a quarter: each account's revenue per quarter and year stays as it was,
     * and so do the key-account scores of those periods. Client A, Harbor Freight and Nordlys Robotics are left alone.
     */
    private static void loyaltyMoves(List<List<Invoice>> months) {
        for (int month = 0; month < MONTHS; month++) {
            LocalDate first = FIRST_MONTH.plusMonths(month);
            boolean nextInQuarter = month + 1 < MONTHS && first.getMonthValue() % 3 != 0;
            List<Invoice> invoices = months.get(month);
            List<Invoice> moved = new ArrayList<>();
            List<Invoice> kept = new ArrayList<>();
            java.util.Map<String, List<Invoice>> byAccount = new java.util.LinkedHashMap<>();
            invoices.forEach(invoice -> byAccount.computeIfAbsent(invoice.account, a -> new ArrayList<>()).add(invoice));
            for (var entry : byAccount.entrySet()) {
                int number = Integer.parseInt(entry.getKey().substring(1));
                List<Invoice> own = entry.getValue();
                if (number <= 3) {
                    kept.addAll(own);
                } else if (nextInQuarter && (number * 7 + month) % 19 == 0) {
                    own.forEach(invoice -> moved.add(new Invoice(invoice.date.plusMonths(1), invoice.account, invoice.amount)));
                } else if (own.size() == 1 && (number * 5 + month) % 3 == 0) {
                    Invoice whole = own.get(0);
                    BigDecimal part = whole.amount.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_UP);
                    LocalDate later = whole.date.plusDays(10).getMonth() == whole.date.getMonth() ? whole.date.plusDays(10) : whole.date.minusDays(10);
                    kept.add(new Invoice(whole.date, whole.account, part));
                    kept.add(new Invoice(later, whole.account, whole.amount.subtract(part)));
                } else if (own.size() == 2 && (number * 3 + month) % 4 == 0) {
                    kept.add(new Invoice(own.get(0).date, own.get(0).account, own.get(0).amount.add(own.get(1).amount)));
                } else {
                    kept.addAll(own);
                }
            }
            months.set(month, kept);
            if (!moved.isEmpty()) {
                months.get(month + 1).addAll(moved);
            }
        }
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../sample-data/startup");
        Files.writeString(folder.resolve("accounts.csv"), accountsCsv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("revenue.csv"), revenueCsv(), StandardCharsets.UTF_8);
    }
}
