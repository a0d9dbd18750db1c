package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-account analysis of a whole portfolio: every account scored, ranked and
 * classified, and the concentration of revenue. {@link #accounts()} builds each account's
 * report (with its factor details) when it is read, in rank order. Accounts are those of the account table
 * and those with revenue rows; one without a table row is scored on revenue alone, one
 * without revenue rows gets zero revenue and RFM 111.
 */
public record Portfolio(List<AccountReport> accounts, ConcentrationSummary concentration) {

    /** RFM of an account without revenue rows: the worst on every count. */
    private static final RfmScore NO_PURCHASE = new RfmScore(1, 1, 1);

    /** Pareto thresholds, how many accounts "top N" counts, and the major-customer share. */
    public record Options(ParetoClassifier pareto, int topN, BigDecimal majorCustomerShare) {
        public static final Options DEFAULT = new Options(ParetoClassifier.DEFAULT, 5, RevenueShares.MAJOR_CUSTOMER_SHARE);
    }

    /** An account and its score, for ranking. */
    private record Scored(Account account, BigDecimal score) {
    }

    public static Portfolio analyse(RevenueLedger ledger, Collection<AccountProfile> profiles, ScoringModel model) {
        return analyse(ledger, profiles, model, Options.DEFAULT);
    }

    public static Portfolio analyse(RevenueLedger ledger, Collection<AccountProfile> profiles, ScoringModel model,
                                    Options options) {
        Map<String, AccountProfile> byId = new LinkedHashMap<>();
        profiles.forEach(profile -> byId.put(profile.id(), profile));
        ledger.accounts().forEach(revenue -> byId.computeIfAbsent(revenue.accountId(), AccountProfile::unknown));
        List<Account> accounts = byId.values().stream().map(profile -> Account.of(profile, ledger)).toList();

        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        accounts.forEach(account -> revenue.put(account.id(), ledger.revenue(account.id()).current()));
        RevenueShares shares = new RevenueShares(revenue);
        Map<String, AbcClass> abc = options.pareto().classify(shares);
        Map<String, RfmScore> rfm = RfmScorer.score(ledger);
        List<String> major = shares.majorCustomers(options.majorCustomerShare());
        String bestTier = model.tiers().getFirst().name();

        // Rank on the scores alone and score each account again when its row is read: a million
        // accounts' factor details would take gigabytes, their scores a few megabytes.
        ScoringModel.Scorer scorer = model.scorer(accounts);
        List<Scored> ranked = new ArrayList<>(accounts.size());
        List<String> keyAccounts = new ArrayList<>();
        for (Account account : accounts) {
            AccountScore score = scorer.score(account);
            ranked.add(new Scored(account, score.score()));
            if (score.tier().equals(bestTier)) {
                keyAccounts.add(account.id());
            }
        }
        ranked.sort(Comparator.comparing(Scored::score).reversed().thenComparing(scored -> scored.account().id()));
        List<AccountReport> reports = new AbstractList<>() {
            @Override
            public AccountReport get(int index) {
                Account account = ranked.get(index).account();
                String id = account.id();
                return new AccountReport(index + 1, account, scorer.score(account), ledger.revenue(id), abc.get(id),
                        rfm.getOrDefault(id, NO_PURCHASE), major.contains(id));
            }

            @Override
            public int size() {
                return ranked.size();
            }
        };
        BigDecimal hhi = shares.hhi();
        ConcentrationSummary concentration = new ConcentrationSummary(hhi, ConcentrationBand.of(hhi),
                shares.topShare(1), options.topN(), shares.topShare(options.topN()), shares.shareOf(keyAccounts), major);
        return new Portfolio(reports, concentration);
    }
}
