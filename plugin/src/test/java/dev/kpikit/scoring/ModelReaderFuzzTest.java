package dev.kpikit.scoring;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the scoring-model reader: any bytes give a model or a {@link ModelException},
 * never another exception, a StackOverflowError or an OutOfMemoryError.
 */
class ModelReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void model(byte[] input) {
        try {
            ModelReader.read(input, "model.json");
        } catch (ModelException refused) {
            // the documented refusal: file, line, column and field
        }
    }
}
