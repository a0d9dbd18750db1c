package dev.kpikit.scoring;

/** An account's place among the scored population: rank 1 is the best score, ties go to the lower id. */
public record RankedAccount(int rank, Account account, AccountScore score) {
}
