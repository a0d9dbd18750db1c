package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-account analysis of a whole portfolio: every account scored, ranked and
 * classified, and the concentration of revenue. Accounts are those of the account table
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

        List<RankedAccount> ranked = model.rank(accounts);
        List<AccountReport> reports = ranked.stream().map(entry -> {
            String id = entry.account().id();
            return new AccountReport(entry.rank(), entry.account(), entry.score(), ledger.revenue(id), abc.get(id),
                    rfm.getOrDefault(id, NO_PURCHASE), major.contains(id));
        }).toList();
        List<String> keyAccounts = ranked.stream().filter(entry -> entry.score().tier().equals(bestTier))
                .map(entry -> entry.account().id()).toList();
        BigDecimal hhi = shares.hhi();
        ConcentrationSummary concentration = new ConcentrationSummary(hhi, ConcentrationBand.of(hhi),
                shares.topShare(1), options.topN(), shares.topShare(options.topN()), shares.shareOf(keyAccounts), major);
        return new Portfolio(reports, concentration);
    }
}
