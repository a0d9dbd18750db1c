package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RFM quintiles over the accounts of a ledger, up to its as-of date: recency from the last
 * purchase, frequency from the number of purchases, monetary from lifetime revenue. Each
 * quintile is 1 + floor(5 x mid-rank), capped at 5, where the mid-rank runs from 0 (worst)
 * to 1 (best) and ties share it, so equal accounts always get equal scores. An account
 * that never purchased gets recency 1.
 */
public final class RfmScorer {

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private RfmScorer() {
    }

    /** RFM of every account in the ledger, by account id. */
    public static Map<String, RfmScore> score(RevenueLedger ledger) {
        List<AccountRevenue> accounts = ledger.accounts();
        Function<AccountRevenue, BigDecimal> recency = account -> account.lastPurchase() == null
                ? null : BigDecimal.valueOf(account.lastPurchase().toEpochDay());
        Function<AccountRevenue, BigDecimal> frequency = account -> BigDecimal.valueOf(account.purchaseCount());
        SortedValues recencies = new SortedValues(accounts.stream().map(recency).toList());
        SortedValues frequencies = new SortedValues(accounts.stream().map(frequency).toList());
        SortedValues monetaries = new SortedValues(accounts.stream().map(AccountRevenue::lifetime).toList());
        Map<String, RfmScore> scores = new LinkedHashMap<>();
        for (AccountRevenue account : accounts) {
            BigDecimal lastPurchase = recency.apply(account);
            scores.put(account.accountId(), new RfmScore(
                    lastPurchase == null ? 1 : quintile(recencies, lastPurchase),
                    quintile(frequencies, frequency.apply(account)),
                    quintile(monetaries, account.lifetime())));
        }
        return scores;
    }

    private static int quintile(SortedValues population, BigDecimal value) {
        return 1 + Math.min(4, population.percentileRank(value).multiply(FIVE).intValue());
    }
}
