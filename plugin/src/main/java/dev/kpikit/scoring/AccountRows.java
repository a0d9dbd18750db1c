package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A portfolio's accounts in rank order, read one value at a time: {@link #moveTo} picks the account, and each value
 * is worked out from the analysis' columns when it is asked for, so a report that shows six columns pays for six and
 * no {@link AccountReport} is built. The values are those of {@link #report()}. Not safe to share between threads:
 * take one from {@link Portfolio#rows()} per reader.
 */
public interface AccountRows {

    /** Number of accounts. */
    int size();

    /** Makes the account at {@code index} (0-based, best score first) the current one. */
    void moveTo(int index);

    /** 1-based rank of the current account. */
    int rank();

    String id();

    String name();

    String segment();

    /** The input as the score weighed it (see {@link Account#input}); null when missing. */
    BigDecimal input(FactorInput input);

    /** Revenue in the previous period; zero for an account without revenue rows. */
    BigDecimal previousRevenue();

    /** Revenue of all rows up to the as-of date; zero for an account without revenue rows. */
    BigDecimal lifetimeRevenue();

    /** Date of the latest purchase; null when none. */
    LocalDate lastPurchase();

    /** The 0..1 value the input was weighed at (the first factor's that weighed it); null when none did. */
    BigDecimal normalised(FactorInput input);

    /** The points the input gave, added up over the factors that read it (a model may weigh one input twice); null when none does. */
    BigDecimal points(FactorInput input);

    BigDecimal score();

    String tier();

    String scoreTier();

    /** Null when no account has positive revenue; C for a net-negative account. */
    AbcClass abc();

    RfmScore rfm();

    boolean majorCustomer();

    /** {@link AccountScore#explain}'s sentence for the current account. */
    String explanation(Locale locale);

    /** Credit notes exceed invoices in the current period (see {@link NetNegative}). */
    boolean netNegative();

    /** False for an account scored under its id because it has revenue rows but no row in the account table. */
    boolean inAccountTable();

    /** Everything about the current account as one record, with its factor details. */
    AccountReport report();
}
