import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the consultancy sample: a management consultancy with four practices and 60 clients, one of
 * them a multinational (Meridian Global Industries) that buys about a quarter of the work. 24 months
 * from 2024-11 to 2026-10.
 *
 * <p>Everything follows from the projects: a project has a client, a practice, a team and planned dates;
 * it starts a little late now and then and overruns more often when a practice is stretched. Projects are
 * invoiced at each month end for the days worked (time and material), staffing them sets the practice's
 * head count (hiring follows the last half year's demand), and every finished project is followed by a short client
 * survey (scores 1 to 5, lower after an overrun). Projects start a year before the data does, so the first
 * months already have work in flight.
 *
 * <p>Files: accounts.csv (clients), revenue.csv (invoices), projects.csv, surveys.csv and metrics.csv (per
 * month and practice, additive, for the KPI catalog). Seeded, so the output is the same on every JDK:
 * {@code java sample-data/consultancy/GenerateConsultancyData.java [folder]}.
 */
public final class GenerateConsultancyData {

    private static final long SEED = 20241101L;
    private static final LocalDate FIRST_MONTH = LocalDate.of(2024, 11, 1);
    private static final int MONTHS = 24;
    private static final LocalDate LAST_DAY = FIRST_MONTH.plusMonths(MONTHS).minusDays(1);
    private static final int WARM_UP_MONTHS = 12;

    private static final String[] PRACTICES = {"Strategy", "Technology", "Operations", "People"};
    /** What one consultant-month fully billed is worth in each practice (EUR). */
    private static final int[] MONTHLY_RATE = {27_000, 22_000, 19_500, 17_000};
    /** How the multinational and the other clients spread their work over the practices. */
    private static final double[] MULTINATIONAL_MIX = {0.15, 0.45, 0.35, 0.05};
    private static final double[] USUAL_MIX = {0.30, 0.30, 0.25, 0.15};
    /** The share of a consultant's month that is billed; head count is sized for it. */
    private static final double PLANNED_UTILISATION = 0.8;

    private static final String MULTINATIONAL = "Meridian Global Industries";
    /** name and segment of the other 59 clients */
    private static final String[][] CLIENTS = {
        {"Aurora Utilities", "Enterprise"}, {"Baltic Shipping Lines", "Enterprise"}, {"Cascade Health Trust", "Public sector"},
        {"Delphi Insurance", "Enterprise"}, {"Eastgate Retail", "Mid-market"}, {"Fenwick Foods", "Mid-market"},
        {"Glenmore Energy", "Enterprise"}, {"Hanover Logistics", "Mid-market"}, {"Isola Pharma", "Enterprise"},
        {"Jarrow City Council", "Public sector"}, {"Kingsbridge Bank", "Enterprise"}, {"Larkspur Hotels", "Mid-market"},
        {"Moorland Water", "Public sector"}, {"Nordhavn Telecom", "Enterprise"}, {"Oakridge Manufacturing", "Mid-market"},
        {"Portside Ferries", "SMB"}, {"Queensway Housing", "Public sector"}, {"Riverside University", "Public sector"},
        {"Stellar Aerospace", "Enterprise"}, {"Thornbury Motors", "Mid-market"}, {"Upland Dairies", "SMB"},
        {"Vireo Software", "SMB"}, {"Westfield Chemicals", "Enterprise"}, {"Xavier Law Partners", "SMB"},
        {"Yellowpine Timber", "SMB"}, {"Zenith Media Group", "Mid-market"}, {"Ashcombe Schools Trust", "Public sector"},
        {"Brightwater Leisure", "Mid-market"}, {"Corvus Security", "Mid-market"}, {"Dovetail Interiors", "SMB"},
        {"Evergreen Pensions", "Enterprise"}, {"Foxhollow Farms", "SMB"}, {"Greystone Construction", "Mid-market"},
        {"Highland Rail", "Public sector"}, {"Ironbridge Steel", "Enterprise"}, {"Juno Fashion", "Mid-market"},
        {"Kelvin Instruments", "Mid-market"}, {"Lindqvist Furniture", "Mid-market"}, {"Marlow Asset Management", "Enterprise"},
        {"Northgate Police Authority", "Public sector"}, {"Orion Biotech", "Mid-market"}, {"Pemberton Publishing", "SMB"},
        {"Quayside Developments", "Mid-market"}, {"Rosewood Care Homes", "Mid-market"}, {"Sundial Solar", "SMB"},
        {"Tanglewood Toys", "SMB"}, {"Unity Credit Union", "Mid-market"}, {"Valemont Wines", "SMB"},
        {"Whitcombe Engineering", "Mid-market"}, {"Xylo Games", "SMB"}, {"Yorke Airports", "Enterprise"},
        {"Zephyr Wind Farms", "Mid-market"}, {"Albion Museums", "Public sector"}, {"Brookfield Dental", "SMB"},
        {"Carrick Distilleries", "Mid-market"}, {"Drummond Textiles", "SMB"}, {"Elmstead Hospitals", "Public sector"},
        {"Fairhaven Ports", "Enterprise"}, {"Goldcrest Telecom", "Mid-market"}};

    /** A client; engagement and satisfaction are filled in from its projects and surveys. */
    private static final class Client {
        final String id;
        final String name;
        final String segment;
        final double size;
        final int strategicValue;
        final int growthPotential;
        LocalDate relationshipStart;
        int recentProjects;
        int recentScoreSum;
        int recentResponses;

        Client(String id, String name, String segment, double size, int strategicValue, int growthPotential,
               LocalDate relationshipStart) {
            this.id = id;
            this.name = name;
            this.segment = segment;
            this.size = size;
            this.strategicValue = strategicValue;
            this.growthPotential = growthPotential;
            this.relationshipStart = relationshipStart;
        }
    }

    private record Survey(LocalDate date, int score) {
    }

    private record Project(String id, Client client, int practice, int team, LocalDate plannedStart,
                           LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, List<Survey> surveys) {

        boolean finished() {
            return !actualEnd.isAfter(LAST_DAY);
        }

        boolean onTime() {
            return !actualEnd.isAfter(plannedEnd);
        }

        /** Days of {@code month} the project was worked on (up to the end of the data). */
        int daysWorkedIn(LocalDate month) {
            LocalDate from = actualStart.isAfter(month) ? actualStart : month;
            LocalDate monthEnd = month.plusMonths(1).minusDays(1);
            LocalDate lastDay = actualEnd.isBefore(LAST_DAY) ? actualEnd : LAST_DAY;
            LocalDate to = lastDay.isBefore(monthEnd) ? lastDay : monthEnd;
            return to.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data/consultancy");
        Random random = new Random(SEED);
        List<Client> clients = clients(random);
        List<Project> projects = projects(random, clients);

        // invoices per project at each month end, and the staffing they stand for
        int months = WARM_UP_MONTHS + MONTHS;
        double[][] staffed = new double[months][PRACTICES.length];
        BigDecimal[][] revenue = new BigDecimal[MONTHS][PRACTICES.length];
        List<String> invoices = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            LocalDate month = FIRST_MONTH.plusMonths(m - WARM_UP_MONTHS);
            LocalDate invoiceDate = month.plusMonths(1).minusDays(1);
            for (Project project : projects) {
                int days = project.daysWorkedIn(month);
                if (days == 0) {
                    continue;
                }
                double consultantMonths = project.team() * days / (double) month.lengthOfMonth();
                staffed[m][project.practice()] += consultantMonths;
                // billable hours vary a little from month to month
                BigDecimal amount = money(consultantMonths * MONTHLY_RATE[project.practice()] * (0.92 + 0.1 * random.nextDouble()));
                if (m >= WARM_UP_MONTHS) {
                    int w = m - WARM_UP_MONTHS;
                    revenue[w][project.practice()] = add(revenue[w][project.practice()], amount);
                    invoices.add(invoiceDate + "," + project.client().id + "," + amount.toPlainString());
                }
            }
        }

        write(folder.resolve("accounts.csv"), "account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start",
                clients.stream().map(c -> String.join(",", c.id, c.name, c.segment, String.valueOf(c.strategicValue),
                        String.valueOf(c.growthPotential), String.valueOf(engagement(c)), satisfaction(c),
                        c.relationshipStart.toString())).toList());
        write(folder.resolve("revenue.csv"), "date,account_id,amount", invoices);

        List<String> projectRows = new ArrayList<>();
        List<String> surveyRows = new ArrayList<>();
        for (Project p : projects) {
            boolean answeredInTheData = p.surveys().stream().anyMatch(s -> !s.date().isBefore(FIRST_MONTH));
            if (p.actualStart().isAfter(LAST_DAY) || p.actualEnd().isBefore(FIRST_MONTH) && !answeredInTheData) {
                continue; // not started yet, or done (and its survey answered) before the data begins
            }
            projectRows.add(String.join(",", p.id(), p.client().id, PRACTICES[p.practice()], String.valueOf(p.team()),
                    p.plannedStart().toString(), p.plannedEnd().toString(), p.actualStart().toString(),
                    p.finished() ? p.actualEnd().toString() : ""));
            for (Survey s : p.surveys()) {
                if (!s.date().isBefore(FIRST_MONTH)) {
                    surveyRows.add(s.date() + "," + p.id() + "," + p.client().id + "," + s.score());
                }
            }
        }
        surveyRows.sort(null); // by date, as they came in
        write(folder.resolve("projects.csv"), "project_id,account_id,practice,team_size,planned_start,planned_end,actual_start,actual_end", projectRows);
        write(folder.resolve("surveys.csv"), "date,project_id,account_id,score", surveyRows);

        List<String> metrics = new ArrayList<>();
        for (int w = 0; w < MONTHS; w++) {
            LocalDate month = FIRST_MONTH.plusMonths(w);
            for (int practice = 0; practice < PRACTICES.length; practice++) {
                // hiring follows the staffing of the last six months, so head count moves slowly
                int m = w + WARM_UP_MONTHS;
                double demand = 0;
                for (int before = 0; before < 6; before++) {
                    demand += staffed[m - before][practice] / 6;
                }
                long consultants = Math.max(1, Math.round(demand / PLANNED_UTILISATION));
                int completed = 0;
                int onTime = 0;
                long days = 0;
                int responses = 0;
                int satisfied = 0;
                int scoreSum = 0;
                for (Project p : projects) {
                    if (p.practice() != practice) {
                        continue;
                    }
                    if (p.finished() && sameMonth(p.actualEnd(), month)) {
                        completed++;
                        onTime += p.onTime() ? 1 : 0;
                        days += ChronoUnit.DAYS.between(p.actualStart(), p.actualEnd());
                    }
                    for (Survey s : p.surveys()) {
                        if (sameMonth(s.date(), month)) {
                            responses++;
                            satisfied += s.score() >= 4 ? 1 : 0;
                            scoreSum += s.score();
                        }
                    }
                }
                BigDecimal practiceRevenue = revenue[w][practice] == null ? money(0) : revenue[w][practice];
                metrics.add(month + "," + PRACTICES[practice] + "," + practiceRevenue.toPlainString() + "," + consultants + ","
                        + completed + "," + days + "," + onTime + "," + responses + "," + satisfied + "," + scoreSum);
            }
        }
        write(folder.resolve("metrics.csv"), "date,practice,revenue,consultants,projectsCompleted,projectDaysTotal,projectsOnTime,"
                + "surveyResponses,satisfiedResponses,surveyScoreSum", metrics);
    }

    private static List<Client> clients(Random random) {
        List<Client> clients = new ArrayList<>();
        // the multinational alone is as big as about twenty typical clients
        clients.add(new Client("K001", MULTINATIONAL, "Multinational", 18.0, 5, 4, LocalDate.of(2016, 4, 1)));
        for (int i = 0; i < CLIENTS.length; i++) {
            String segment = CLIENTS[i][1];
            int strategic = switch (segment) {
                case "Enterprise" -> 3 + random.nextInt(2);
                case "Public sector" -> 2 + random.nextInt(3);
                case "Mid-market" -> 2 + random.nextInt(2);
                default -> 1 + random.nextInt(2);
            };
            double size = StrictMath.exp(random.nextGaussian() * 0.7) * (segment.equals("Enterprise") ? 1.6 : segment.equals("SMB") ? 0.5 : 1);
            LocalDate since = LocalDate.of(2012 + random.nextInt(13), 1 + random.nextInt(12), 1);
            clients.add(new Client(String.format("K%03d", i + 2), CLIENTS[i][0], segment, size, strategic,
                    1 + random.nextInt(5), since));
        }
        return clients;
    }

    private static List<Project> projects(Random random, List<Client> clients) {
        double totalSize = clients.stream().mapToDouble(c -> c.size).sum();
        LocalDate recentFrom = LAST_DAY.minusYears(1);
        List<Project> projects = new ArrayList<>();
        for (int m = -WARM_UP_MONTHS; m < MONTHS; m++) {
            LocalDate month = FIRST_MONTH.plusMonths(m);
            int calendarMonth = month.getMonthValue();
            // the firm grows about 10 % a year; few projects start over the holidays
            double season = calendarMonth == 12 ? 0.6 : calendarMonth == 8 ? 0.6 : calendarMonth == 7 ? 0.8
                    : calendarMonth == 1 || calendarMonth == 9 ? 1.25 : 1.0;
            long starts = Math.round(9 * (1 + 0.1 * (m + WARM_UP_MONTHS) / 12.0) * season * noise(random, 0.1));
            for (int s = 0; s < starts; s++) {
                Client client = pick(random, clients, totalSize);
                boolean multinational = client.name.equals(MULTINATIONAL);
                int practice = pick(random, multinational ? MULTINATIONAL_MIX : USUAL_MIX);
                int team = 1 + random.nextInt(4) + (multinational ? 1 : 0);
                int plannedDays = (int) Math.max(21, Math.min(300, Math.round(75 * StrictMath.exp(random.nextGaussian() * 0.5))));
                LocalDate plannedStart = month.plusDays(random.nextInt(28));
                LocalDate actualStart = plannedStart.plusDays(random.nextDouble() < 0.85 ? 0 : 1 + random.nextInt(8));
                // Technology is stretched by the multinational's ERP roll-out over the last half year
                boolean stretched = practice == 1 && m >= MONTHS - 8;
                boolean overrun = random.nextDouble() < (stretched ? 0.55 : 0.22);
                double slip = overrun ? 1.05 + 0.35 * random.nextDouble() : 0.8 + 0.17 * random.nextDouble();
                LocalDate actualEnd = actualStart.plusDays(Math.round(plannedDays * slip));
                LocalDate plannedEnd = plannedStart.plusDays(plannedDays);

                List<Survey> surveys = new ArrayList<>();
                boolean onTime = !actualEnd.isAfter(plannedEnd);
                int responses = 1 + random.nextInt(3) + (multinational ? 1 : 0);
                for (int r = 0; r < responses; r++) {
                    LocalDate answered = actualEnd.plusDays(2 + random.nextInt(14));
                    int score = (int) Math.max(1, Math.min(5, Math.round((onTime ? 4.3 : 3.5) + random.nextGaussian() * 0.75)));
                    if (!answered.isAfter(LAST_DAY)) {
                        surveys.add(new Survey(answered, score));
                        if (!answered.isBefore(recentFrom)) {
                            client.recentScoreSum += score;
                            client.recentResponses++;
                        }
                    }
                }
                if (!actualStart.isBefore(recentFrom) && !actualStart.isAfter(LAST_DAY)) {
                    client.recentProjects++;
                }
                if (client.relationshipStart.isAfter(actualStart)) {
                    client.relationshipStart = actualStart.withDayOfMonth(1); // a client since its first project
                }
                projects.add(new Project(String.format("P%04d", projects.size() + 1), client, practice, team,
                        plannedStart, plannedEnd, actualStart, actualEnd, surveys));
            }
        }
        return projects;
    }

    /** Engagement 1 to 5 from the projects started in the last twelve months. */
    private static int engagement(Client client) {
        int n = client.recentProjects;
        return n == 0 ? 1 : n == 1 ? 2 : n <= 3 ? 3 : n <= 6 ? 4 : 5;
    }

    /** The average survey score of the last twelve months, rounded; blank without a survey. */
    private static String satisfaction(Client client) {
        return client.recentResponses == 0 ? ""
                : String.valueOf(Math.round((double) client.recentScoreSum / client.recentResponses));
    }

    private static Client pick(Random random, List<Client> clients, double totalSize) {
        double x = random.nextDouble() * totalSize;
        for (Client client : clients) {
            x -= client.size;
            if (x < 0) {
                return client;
            }
        }
        return clients.get(clients.size() - 1);
    }

    private static int pick(Random random, double[] shares) {
        double x = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static boolean sameMonth(LocalDate date, LocalDate month) {
        return date.getYear() == month.getYear() && date.getMonth() == month.getMonth();
    }

    /** A factor around 1 with the given relative spread, never below 0.2. */
    private static double noise(Random random, double spread) {
        return Math.max(0.2, 1 + random.nextGaussian() * spread);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
        return sum == null ? amount : sum.add(amount);
    }

    private static void write(Path file, String header, List<String> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            for (String row : rows) {
                out.write(row + "\n");
            }
        }
    }
}
