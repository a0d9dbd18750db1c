package dev.kpikit.scoring;

/** Pareto class of an account by its place in cumulative revenue. */
public enum AbcClass {
    A, B, C
}
