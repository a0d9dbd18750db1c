import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes sample-data/startup/metrics.csv from the start-up's invoices in revenue.csv (date, account_id,
 * amount), one row per month, so the KPI catalog and the key-account scoring read the same business:
 *
 * <ul>
 * <li>{@code revenue}: the month's invoices;</li>
 * <li>{@code customers}: customers invoiced in the month;</li>
 * <li>{@code customersAtStart}: customers invoiced in the month before (blank in the first month: no history);</li>
 * <li>{@code newCustomers}: customers invoiced this month but not the month before, so that
 *     (customers - newCustomers) / customersAtStart is the retention rate (blank in the first month);</li>
 * <li>{@code repeatCustomers}: customers invoiced more than once in the month.</li>
 * </ul>
 *
 * No randomness: the same invoices give the same file.
 * {@code java sample-data/startup/GenerateStartupMetrics.java [folder]} reads and writes in the folder.
 */
public final class GenerateStartupMetrics {

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data/startup");
        List<String> lines = Files.readAllLines(folder.resolve("revenue.csv"), StandardCharsets.UTF_8);
        if (!lines.get(0).equals("date,account_id,amount")) {
            throw new IOException("revenue.csv: expected the header date,account_id,amount, found " + lines.get(0));
        }
        // month "2026-10" -> invoices per customer, and the month's revenue
        SortedMap<String, Map<String, Integer>> invoicesByMonth = new TreeMap<>();
        Map<String, BigDecimal> revenueByMonth = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            String month = cells[0].substring(0, 7);
            invoicesByMonth.computeIfAbsent(month, m -> new TreeMap<>()).merge(cells[1], 1, Integer::sum);
            revenueByMonth.merge(month, new BigDecimal(cells[2]), BigDecimal::add);
        }

        try (Writer out = Files.newBufferedWriter(folder.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
            out.write("date,revenue,customers,customersAtStart,newCustomers,repeatCustomers\n");
            Set<String> lastMonthCustomers = null;
            for (String month : invoicesByMonth.keySet()) {
                if (lastMonthCustomers != null && !invoicesByMonth.containsKey(YearMonth.parse(month).minusMonths(1).toString())) {
                    throw new IOException("revenue.csv: no invoice in the month before " + month + "; the counts need every month");
                }
                Map<String, Integer> invoices = invoicesByMonth.get(month);
                long repeat = invoices.values().stream().filter(n -> n > 1).count();
                String atStart = "";
                String newCustomers = "";
                if (lastMonthCustomers != null) {
                    Set<String> before = lastMonthCustomers;
                    atStart = String.valueOf(before.size());
                    newCustomers = String.valueOf(invoices.keySet().stream().filter(c -> !before.contains(c)).count());
                }
                out.write(month + "-01," + revenueByMonth.get(month).toPlainString() + "," + invoices.size() + ","
                        + atStart + "," + newCustomers + "," + repeat + "\n");
                lastMonthCustomers = invoices.keySet();
            }
        }
    }
}
