package dev.kpikit.bench.harness;

/**
 * One way of doing a comparison's work (a variant), run once per fresh JVM by {@link TrialMain} so that
 * each run's heap is its own and the variants of a comparison can be interleaved run by run.
 */
public interface Trial {

    /** Makes what the timed run needs (generated data, designs); untimed, and kept in the data folder where it can be. */
    default void prepare(TrialContext context) throws Exception {
    }

    /** Does the work once, untimed, so the timed run does not pay for class loading and a cold JIT. */
    default void warmUp(TrialContext context) throws Exception {
    }

    /** Does the work once, timed; returns how many items it handled (rows, accounts, renders). */
    long run(TrialContext context) throws Exception;

    /** Checks what the timed run made (a written file against the expected figures), untimed; throws when it is wrong. */
    default void verify(TrialContext context) throws Exception {
    }
}
