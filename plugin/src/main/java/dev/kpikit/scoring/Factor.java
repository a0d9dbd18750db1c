package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * One weighted criterion of a scoring model.
 *
 * @param min lower bound of a FIXED_SCALE factor, null otherwise
 * @param max upper bound of a FIXED_SCALE factor, null otherwise
 */
public record Factor(String id, FactorInput input, BigDecimal weight, Normalisation normalisation,
                     BigDecimal min, BigDecimal max, MissingPolicy missing) {

    /** True when the factor can be scored for one account alone. */
    public boolean standalone() {
        return !normalisation.needsPopulation() && !missing.needsPopulation();
    }

    /**
     * The Excel formula of the factor's normalised value for one account, text "" when the factor is left out:
     * its missing policy's rendering around its normalisation's.
     */
    public String excel(FactorCells cells) {
        return missing.excel(normalisation.excel(cells.input(), cells), x -> normalisation.excel(x, cells), cells);
    }
}
