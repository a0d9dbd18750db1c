package dev.kpikit.bench;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.kpikit.scoring.Account;
import dev.kpikit.scoring.CompiledModel;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.ScoringModel;

/**
 * Scores per second of the default model on one thread (one core): the compiled double
 * path (CompiledModel, what a bulk scorer uses) and the exact path (BigDecimal, points
 * rounded to the cent, rules applied: what the accounts data set and the functions use).
 * Each invocation scores a batch of 1,024 generated accounts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScoringBenchmark {

    static final int BATCH = 1024;

    private final CompiledModel compiled = ScoringModel.defaultModel().compile();
    private final ScoringModel model = ScoringModel.defaultModel();
    private double[][] raw;
    private Account[] accounts;

    @Setup
    public void generate() {
        Random random = new Random(42);
        raw = new double[BATCH][FactorInput.values().length];
        accounts = new Account[BATCH];
        for (int i = 0; i < BATCH; i++) {
            Map<FactorInput, BigDecimal> inputs = new EnumMap<>(FactorInput.class);
            inputs.put(FactorInput.REVENUE_SHARE, BigDecimal.valueOf(random.nextInt(5000), 5));
            inputs.put(FactorInput.REVENUE_GROWTH, BigDecimal.valueOf(random.nextInt(1000) - 300, 3));
            inputs.put(FactorInput.STRATEGIC_VALUE, BigDecimal.valueOf(1 + random.nextInt(5)));
            inputs.put(FactorInput.GROWTH_POTENTIAL, BigDecimal.valueOf(1 + random.nextInt(5)));
            inputs.put(FactorInput.ENGAGEMENT, BigDecimal.valueOf(1 + random.nextInt(5)));
            if (random.nextInt(10) > 0) {
                inputs.put(FactorInput.SATISFACTION, BigDecimal.valueOf(1 + random.nextInt(5)));
            }
            inputs.put(FactorInput.RELATIONSHIP_YEARS, BigDecimal.valueOf(random.nextInt(150), 1));
            accounts[i] = new Account("A" + i, "A" + i, null, inputs);
            for (FactorInput input : FactorInput.values()) {
                BigDecimal value = inputs.get(input);
                raw[i][input.ordinal()] = value == null ? Double.NaN : value.doubleValue();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void compiledScore(Blackhole blackhole) {
        for (double[] account : raw) {
            double score = compiled.score(account);
            blackhole.consume(compiled.tierIndex(score));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void exactScore(Blackhole blackhole) {
        for (Account account : accounts) {
            blackhole.consume(model.score(account));
        }
    }
}
