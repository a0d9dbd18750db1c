package dev.kpikit.scoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * RFM quintiles over the accounts of a ledger, up to its as-of date: recency from the last
 * purchase, frequency from the number of purchases, monetary from lifetime revenue. Each
 * quintile is 1 + floor(5 x mid-rank), capped at 5, where the mid-rank runs from 0 (worst)
 * to 1 (best) and ties share it, so equal accounts always get equal scores. An account
 * that never purchased gets recency 1.
 */
public final class RfmScorer {

    private RfmScorer() {
    }

    /** RFM of every account in the ledger, by account id. */
    public static Map<String, RfmScore> score(RevenueLedger ledger) {
        byte[] codes = codes(ledger);
        Map<String, RfmScore> scores = new LinkedHashMap<>();
        for (AccountRevenue account : ledger.accounts()) {
            scores.put(account.accountId(), decode(codes[ledger.indexOf(account.accountId())]));
        }
        return scores;
    }

    /** RFM of every account by its number in the ledger, each packed in a byte: see {@link #decode}. */
    static byte[] codes(RevenueLedger ledger) {
        int n = ledger.size();
        byte[] recency = quintiles(n, account -> ledger.lastPurchaseDay(account) != Integer.MIN_VALUE,
                ledger::lastPurchaseDay);
        byte[] frequency = quintiles(n, account -> true, ledger::purchaseCount);
        MoneyColumn lifetime = ledger.lifetimeColumn();
        byte[] monetary;
        if (lifetime.inLongs()) {
            long[] sortedUnits = new long[n];
            monetary = quintiles(n, IntSort.sortedByKey(n, lifetime::unscaled, sortedUnits),
                    (i, j) -> Long.compare(sortedUnits[i], sortedUnits[j]));
        } else {
            monetary = quintiles(n, account -> true, lifetime::compare);
        }
        byte[] codes = new byte[n];
        for (int account = 0; account < n; account++) {
            codes[account] = (byte) ((recency[account] - 1) * 25 + (frequency[account] - 1) * 5 + monetary[account] - 1);
        }
        return codes;
    }

    /** The RFM packed by {@link #codes}: (recency - 1) x 25 + (frequency - 1) x 5 + monetary - 1. */
    static RfmScore decode(byte code) {
        return DECODED[code];
    }

    /** Each of the 125 scores once, by code: the portfolio's rows ask for one per row. */
    private static final RfmScore[] DECODED = IntStream.range(0, 125)
            .mapToObj(code -> new RfmScore(1 + code / 25, 1 + code / 5 % 5, 1 + code % 5)).toArray(RfmScore[]::new);

    /**
     * Quintile of each account among the members of the population, 1 for the others. The mid-rank
     * (below + (equal - 1) / 2) / (members - 1) is a fraction, so its quintile is whole-number arithmetic.
     */
    private static byte[] quintiles(int n, IntPredicate member, IntSort.IntComparator order) {
        int[] sorted = members(n, member);
        IntSort.sort(sorted, order);
        return quintiles(n, sorted, (i, j) -> order.compare(sorted[i], sorted[j]));
    }

    /**
     * {@link #quintiles(int, IntPredicate, IntSort.IntComparator)} by an int of each account: sorted as longs
     * (the int above the account number), much faster than through a comparator, and equal ints stay together.
     */
    private static byte[] quintiles(int n, IntPredicate member, IntUnaryOperator key) {
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        int members = 0;
        for (int account = 0; account < n; account++) {
            if (member.test(account)) {
                lowest = Math.min(lowest, key.applyAsInt(account));
                highest = Math.max(highest, key.applyAsInt(account));
                members++;
            }
        }
        if (members > 0 && (long) highest - lowest < Math.max(1 << 12, 2L * n)) {
            return quintilesByCount(n, member, key, lowest, highest - lowest + 1, members);
        }
        int[] sorted = members(n, member);
        long[] keyed = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keyed[i] = (long) key.applyAsInt(sorted[i]) << 32 | sorted[i];
        }
        Arrays.sort(keyed);
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (int) keyed[i];
        }
        return quintiles(n, sorted, (i, j) -> Long.compare(keyed[i] >> 32, keyed[j] >> 32));
    }

    /**
     * {@link #quintiles(int, IntPredicate, IntUnaryOperator)} for keys of a narrow range (days of the last purchase,
     * numbers of purchases): the members of each key counted, no sort; the quintile of each key once.
     */
    private static byte[] quintilesByCount(int n, IntPredicate member, IntUnaryOperator key, int lowest, int range,
                                           int members) {
        int[] counts = new int[range];
        for (int account = 0; account < n; account++) {
            if (member.test(account)) {
                counts[key.applyAsInt(account) - lowest]++;
            }
        }
        byte[] byKey = new byte[range];
        long below = 0;
        for (int value = 0; value < range; value++) {
            if (counts[value] > 0) {
                byKey[value] = (byte) quintile(below, counts[value], members);
                below += counts[value];
            }
        }
        byte[] quintiles = new byte[n];
        for (int account = 0; account < n; account++) {
            quintiles[account] = member.test(account) ? byKey[key.applyAsInt(account) - lowest] : 1;
        }
        return quintiles;
    }

    /** The quintile of the {@code equal} members whose key {@code below} members' keys are under. */
    private static int quintile(long below, long equal, int members) {
        return members <= 1 ? 3 : 1 + (int) Math.min(4, 5 * (2L * below + equal - 1) / (2L * (members - 1)));
    }

    private static int[] members(int n, IntPredicate member) {
        int members = 0;
        for (int account = 0; account < n; account++) {
            members += member.test(account) ? 1 : 0;
        }
        int[] sorted = new int[members];
        for (int account = 0, i = 0; account < n; account++) {
            if (member.test(account)) {
                sorted[i++] = account;
            }
        }
        return sorted;
    }

    /**
     * The quintiles of members already sorted; 1 for the accounts that are not members. {@code order} compares the
     * members at two places of {@code sorted} (not two account numbers): where they are equal, they share a quintile.
     */
    private static byte[] quintiles(int n, int[] sorted, IntSort.IntComparator order) {
        byte[] quintiles = new byte[n];
        Arrays.fill(quintiles, (byte) 1);
        int members = sorted.length;
        for (int start = 0, end; start < members; start = end) {
            end = start + 1;
            while (end < members && order.compare(start, end) == 0) {
                end++;
            }
            int quintile = quintile(start, end - start, members);
            for (int i = start; i < end; i++) {
                quintiles[sorted[i]] = (byte) quintile;
            }
        }
        return quintiles;
    }
}
