import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the restaurant sample: Lanterna, a bistro with 12 tables (and 4 more on the terrace for summer
 * dinners), open for lunch Tuesday to Sunday and for dinner Tuesday to Saturday, 24 months from 2024-11 to
 * 2026-10. Closed on Mondays, over Christmas, on New Year's Day and for two weeks each summer.
 *
 * <p>Every service is simulated: how many tables are seated (busier on Friday and Saturday nights and in
 * December, quieter in January), who sits at them, how many covers, the bill and, now and then, a rating.
 * Eight VIP regulars keep their habit (the same table on the same evening most weeks), five companies host
 * business dinners, 45 regulars come once or twice a month and 1,400 guests of the guest book now and then;
 * the rest are walk-ins nobody knows by name. Prices rise 5 % in January 2026; a new head chef lifts the
 * ratings from September 2025.
 *
 * <p>Files: accounts.csv (the guest book, with scoring judgements), revenue.csv (the bills of known guests,
 * one per visit), metrics.csv (one row per service held, additive, for the KPI catalog). Seeded, so the
 * output is the same on every JDK: {@code java sample-data/restaurant/GenerateRestaurantData.java [folder]}.
 */
public final class GenerateRestaurantData {

    private static final long SEED = 20241103L;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final LocalDate PRICE_RISE = LocalDate.of(2026, 1, 1);
    private static final LocalDate NEW_CHEF = LocalDate.of(2025, 9, 1);
    private static final LocalDate[][] SUMMER_BREAKS = {
        {LocalDate.of(2025, 7, 21), LocalDate.of(2025, 8, 3)}, {LocalDate.of(2026, 7, 20), LocalDate.of(2026, 8, 2)}};

    private static final int DINING_ROOM_TABLES = 12;
    private static final int TERRACE_TABLES = 4;
    /** The chance that a seating's guest rates the visit (feedback card or online review). */
    private static final double RATING_CHANCE = 0.2;
    /** The chance that a seating nobody booked by name is a guest of the guest book after all. */
    private static final double KNOWN_GUEST_CHANCE = 0.3;

    private enum Service { LUNCH, DINNER }

    /** name, usual day, usual service, usual party size */
    private static final Object[][] VIP_REGULARS = {
        {"Margaret Okafor", DayOfWeek.FRIDAY, Service.DINNER, 2}, {"Henrik Aalberg", DayOfWeek.TUESDAY, Service.LUNCH, 1},
        {"Lucia Ferrante", DayOfWeek.SATURDAY, Service.DINNER, 4}, {"Daniel Moreau", DayOfWeek.WEDNESDAY, Service.DINNER, 2},
        {"Sofia Lindgren", DayOfWeek.SUNDAY, Service.LUNCH, 4}, {"Thomas Brennan", DayOfWeek.THURSDAY, Service.LUNCH, 2},
        {"Amira Haddad", DayOfWeek.THURSDAY, Service.DINNER, 3}, {"Jonas Verbeek", DayOfWeek.FRIDAY, Service.LUNCH, 2}};
    private static final String[] BUSINESSES = {
        "Harbourview Law LLP", "Kestrel Capital Partners", "Nordic Design Studio", "Alto Pharmaceuticals", "Bayside Architects"};
    private static final String[] FIRST_NAMES = {
        "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Grace", "Hugo", "Ines", "Jack", "Karin", "Leo", "Maria", "Nils",
        "Olivia", "Paul", "Rosa", "Sam", "Tara", "Victor", "Wendy", "Yusuf", "Zara", "Marco", "Elena", "Pieter", "Ingrid",
        "Pablo", "Chloe", "Omar", "Lena", "Tom", "Julia", "Erik", "Nadia", "Luca", "Hanna", "Ravi", "Mia", "Kofi"};
    private static final String[] LAST_NAMES = {
        "Andersen", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jansen", "Keller", "Larsen",
        "Martin", "Novak", "Olsen", "Peters", "Quinn", "Rossi", "Santos", "Taylor", "Umar", "Vogel", "Walsh", "Young",
        "Zanetti", "Bakker", "Conti", "Moreno", "Berg", "Nowak", "Silva", "Kelly", "Haugen", "Lefebvre", "Romano", "Dahl",
        "Murphy", "Visser", "Bianchi", "Lopez"};

    /** A guest of the guest book; engagement and satisfaction follow from the last twelve months' visits. */
    private static final class Guest {
        final String id;
        final String name;
        final String segment;
        final int strategicValue;
        final int growthPotential;
        final LocalDate since;
        final double visitsPerMonth;
        final double spendFactor;
        DayOfWeek usualDay;
        Service usualService;
        int usualCovers;
        int recentVisits;
        int recentRatingSum;
        int recentRatings;

        Guest(String id, String name, String segment, int strategicValue, int growthPotential, LocalDate since,
              double visitsPerMonth, double spendFactor) {
            this.id = id;
            this.name = name;
            this.segment = segment;
            this.strategicValue = strategicValue;
            this.growthPotential = growthPotential;
            this.since = since;
            this.visitsPerMonth = visitsPerMonth;
            this.spendFactor = spendFactor;
        }

        boolean vip() {
            return usualDay != null;
        }
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data/restaurant");
        Random random = new Random(SEED);
        List<Guest> named = new ArrayList<>();      // VIP regulars, business accounts and regulars: they book
        List<Guest> occasional = new ArrayList<>(); // the rest of the guest book: known when they turn up
        guests(random, named, occasional);

        List<String> bills = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        LocalDate recentFrom = LAST_DAY.minusYears(1);
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            for (Service service : Service.values()) {
                if (!open(day, service)) {
                    continue;
                }
                boolean terrace = service == Service.DINNER && day.getMonthValue() >= 6 && day.getMonthValue() <= 8;
                int tables = DINING_ROOM_TABLES + (terrace ? TERRACE_TABLES : 0);
                int seatings = seatings(random, day, service, tables);

                // who sits at the tables: those who booked first, then walk-ins, some of them known
                List<Guest> seated = new ArrayList<>();
                for (Guest guest : named) {
                    if (!guest.since.isAfter(day) && random.nextDouble() < visitChance(guest, day, service)) {
                        seated.add(guest);
                    }
                }
                seatings = Math.max(seatings, seated.size());
                while (seated.size() < seatings) {
                    Guest guest = null;
                    if (random.nextDouble() < KNOWN_GUEST_CHANCE) {
                        Guest candidate = occasional.get(random.nextInt(occasional.size()));
                        guest = candidate.since.isAfter(day) ? null : candidate; // not in the guest book yet: a walk-in
                    }
                    seated.add(guest);
                }

                long covers = 0;
                BigDecimal revenue = money(0);
                int ratings = 0;
                int ratingSum = 0;
                for (Guest guest : seated) {
                    int party = partySize(random, guest);
                    BigDecimal bill = money(party * spendPerCover(random, day, service) * (guest == null ? 1 : guest.spendFactor));
                    covers += party;
                    revenue = revenue.add(bill);
                    boolean recent = !day.isBefore(recentFrom);
                    if (guest != null) {
                        bills.add(day + "," + guest.id + "," + bill.toPlainString());
                        guest.recentVisits += recent ? 1 : 0;
                    }
                    if (random.nextDouble() < RATING_CHANCE) {
                        int rating = rating(random, day, terrace);
                        ratings++;
                        ratingSum += rating;
                        if (guest != null && recent) {
                            guest.recentRatings++;
                            guest.recentRatingSum += rating;
                        }
                    }
                }
                metrics.add(day + "," + service.name().toLowerCase() + "," + tables + "," + seatings + "," + covers + ","
                        + revenue.toPlainString() + "," + ratings + "," + ratingSum + ",1");
            }
        }

        List<String> accounts = new ArrayList<>();
        List<Guest> guestBook = new ArrayList<>(named);
        guestBook.addAll(occasional);
        for (Guest g : guestBook) {
            accounts.add(String.join(",", g.id, g.name, g.segment, String.valueOf(g.strategicValue),
                    String.valueOf(g.growthPotential), String.valueOf(engagement(g)), satisfaction(g), g.since.toString()));
        }
        write(folder.resolve("accounts.csv"), "account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start", accounts);
        write(folder.resolve("revenue.csv"), "date,account_id,amount", bills);
        write(folder.resolve("metrics.csv"), "date,service,tables,seatings,covers,revenue,ratings,ratingSum,services", metrics);
    }

    private static void guests(Random random, List<Guest> named, List<Guest> occasional) {
        int number = 1;
        for (Object[] vip : VIP_REGULARS) {
            Guest guest = new Guest(id(number++), (String) vip[0], "VIP regular", 4 + random.nextInt(2), 2 + random.nextInt(2),
                    LocalDate.of(2016 + random.nextInt(6), 1 + random.nextInt(12), 1), 0, 1.3);
            guest.usualDay = (DayOfWeek) vip[1];
            guest.usualService = (Service) vip[2];
            guest.usualCovers = (int) vip[3];
            named.add(guest);
        }
        for (String business : BUSINESSES) {
            // business dinners: few visits, big parties, good wine; they could bring private events
            named.add(new Guest(id(number++), business, "Business", 3 + random.nextInt(3), 4 + random.nextInt(2),
                    LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1), 1 + random.nextDouble(), 1.35));
        }
        Set<String> names = new HashSet<>();
        for (Object[] vip : VIP_REGULARS) {
            names.add((String) vip[0]);
        }
        for (int i = 0; i < 45; i++) {
            named.add(new Guest(id(number++), newName(random, names), "Regular", 2 + random.nextInt(3), 2 + random.nextInt(3),
                    LocalDate.of(2017 + random.nextInt(8), 1 + random.nextInt(12), 1), 0.8 + 1.2 * random.nextDouble(), 1.0));
        }
        for (int i = 0; i < 1400; i++) {
            // the guest book grows: guests sign up from 2018 to the last month of the data
            LocalDate since = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3226));
            occasional.add(new Guest(id(number++), newName(random, names), "Occasional", 1 + random.nextInt(2),
                    1 + random.nextInt(3), since, 0, 1.0));
        }
    }

    private static String id(int number) {
        return String.format("G%04d", number);
    }

    private static String newName(Random random, Set<String> taken) {
        while (true) {
            String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            if (taken.add(name)) {
                return name;
            }
        }
    }

    private static boolean open(LocalDate day, Service service) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.SUNDAY && service == Service.DINNER) {
            return false;
        }
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 24 && day.getDayOfMonth() <= 26
                || day.getMonthValue() == 1 && day.getDayOfMonth() == 1) {
            return false;
        }
        for (LocalDate[] summerBreak : SUMMER_BREAKS) {
            if (!day.isBefore(summerBreak[0]) && !day.isAfter(summerBreak[1])) {
                return false;
            }
        }
        return true;
    }

    /** Tables seated in one service: about one turn at lunch, more at dinner and at the weekend. */
    private static int seatings(Random random, LocalDate day, Service service, int tables) {
        DayOfWeek weekday = day.getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.FRIDAY || weekday == DayOfWeek.SATURDAY;
        double turns = service == Service.LUNCH ? (weekday == DayOfWeek.SUNDAY ? 1.3 : 0.95) : weekend ? 1.65 : 1.2;
        int month = day.getMonthValue();
        double season = month == 12 ? 1.2 : month == 1 ? 0.8 : month == 2 ? 0.9 : 1.0;
        double maxTurns = service == Service.LUNCH ? 1.6 : 2.0;
        long seatings = Math.round(tables * turns * season * noise(random, 0.12));
        return (int) Math.min(seatings, Math.round(tables * maxTurns));
    }

    /** The chance that a guest who books comes to this service. */
    private static double visitChance(Guest guest, LocalDate day, Service service) {
        if (guest.vip()) {
            return guest.usualDay == day.getDayOfWeek() && guest.usualService == service ? 0.85 : 0.01;
        }
        boolean businessDinner = service == Service.DINNER && day.getDayOfWeek().getValue() <= 4;
        if (guest.segment.equals("Business")) {
            return businessDinner ? guest.visitsPerMonth / 13 : 0; // about 13 weekday dinners a month
        }
        return guest.visitsPerMonth / 46; // about 46 services a month
    }

    private static int partySize(Random random, Guest guest) {
        if (guest != null && guest.vip()) {
            return random.nextDouble() < 0.8 ? guest.usualCovers : guest.usualCovers + 1 + random.nextInt(2);
        }
        if (guest != null && guest.segment.equals("Business")) {
            return 4 + random.nextInt(5);
        }
        double x = random.nextDouble();
        return x < 0.12 ? 1 : x < 0.62 ? 2 : x < 0.75 ? 3 : x < 0.93 ? 4 : x < 0.96 ? 5 : 6;
    }

    private static double spendPerCover(Random random, LocalDate day, Service service) {
        DayOfWeek weekday = day.getDayOfWeek();
        boolean weekendDinner = service == Service.DINNER && (weekday == DayOfWeek.FRIDAY || weekday == DayOfWeek.SATURDAY);
        double spend = service == Service.LUNCH ? 31 : weekendDinner ? 59 : 55;
        return spend * (day.isBefore(PRICE_RISE) ? 1 : 1.05) * noise(random, 0.12);
    }

    /** A rating 1 to 5: better since the new chef, a little worse on busy terrace evenings. */
    private static int rating(Random random, LocalDate day, boolean terrace) {
        double mean = 4.2 + (day.isBefore(NEW_CHEF) ? 0 : 0.25) - (terrace ? 0.15 : 0);
        return (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.75)));
    }

    /** Engagement 1 to 5 from the visits of the last twelve months. */
    private static int engagement(Guest guest) {
        int n = guest.recentVisits;
        return n == 0 ? 1 : n <= 2 ? 2 : n <= 6 ? 3 : n <= 20 ? 4 : 5;
    }

    /** The average rating the guest gave in the last twelve months, rounded; blank without one. */
    private static String satisfaction(Guest guest) {
        return guest.recentRatings == 0 ? "" : String.valueOf(Math.round((double) guest.recentRatingSum / guest.recentRatings));
    }

    /** A factor around 1 with the given relative spread, never below 0.2. */
    private static double noise(Random random, double spread) {
        return Math.max(0.2, 1 + random.nextGaussian() * spread);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
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
