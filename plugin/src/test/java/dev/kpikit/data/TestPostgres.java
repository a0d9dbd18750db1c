package dev.kpikit.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL server of the tests that need one: .ci/run starts it and passes its URL in KPIKIT_TEST_PG_URL.
 * Without it such a test is skipped with a message; under CI (KPIKIT_CI set) it fails instead.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    static String url() {
        String url = System.getenv("KPIKIT_TEST_PG_URL");
        if (url == null && System.getenv("KPIKIT_CI") != null) {
            throw new IllegalStateException("KPIKIT_TEST_PG_URL is not set in CI: .ci/run starts PostgreSQL for this test");
        }
        assumeTrue(url != null, "no PostgreSQL: set KPIKIT_TEST_PG_URL (jdbc:postgresql://...) to run this test");
        return url;
    }
}
