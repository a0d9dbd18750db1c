package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rounds parts to cents so that they add up exactly to their rounded total (Hamilton's
 * method): every part is cut down to the cent, then the cents still missing go to the
 * parts that lost most, earlier parts first on ties. Each part moves by less than a cent.
 */
final class LargestRemainder {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private LargestRemainder() {
    }

    static List<BigDecimal> round(List<BigDecimal> parts) {
        BigDecimal total = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        List<BigDecimal> rounded = new ArrayList<>(parts.stream().map(part -> part.setScale(2, RoundingMode.FLOOR)).toList());
        BigDecimal allocated = rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int missingCents = total.subtract(allocated).divide(CENT).intValueExact();
        IntStream.range(0, parts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> parts.get(i).subtract(rounded.get(i))).reversed())
                .limit(missingCents)
                .forEach(i -> rounded.set(i, rounded.get(i).add(CENT)));
        return List.copyOf(rounded);
    }
}
