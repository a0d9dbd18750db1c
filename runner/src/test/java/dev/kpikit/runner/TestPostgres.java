package dev.kpikit.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests that need one: .ci/run starts it and passes its URL in KPIKIT_TEST_PG_URL.
 * Without it such a test is skipped with a message; under CI (KPIKIT_CI set) it fails instead.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** The server's JDBC URL. */
    public static String url() {
        return required("KPIKIT_TEST_PG_URL", "a PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1/kpikit_test?user=kpikit&password=kpikit");
    }

    /** Another variable such a test needs beside the URL, described for the skip message. */
    public static String required(String variable, String what) {
        String value = System.getenv(variable);
        if (value == null && System.getenv("KPIKIT_CI") != null) {
            throw new AssertionError(variable + " is not set under CI: .ci/run sets it (" + what + ")");
        }
        Assumptions.assumeTrue(value != null, variable + " is not set (" + what + "): this test needs PostgreSQL; see .ci/run");
        return value;
    }

    /** The URL of a new, empty schema of the server, so that a test's store starts from nothing. */
    public static String newSchema(String url) throws SQLException {
        String schema = "kpikit_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema that {@link #newSchema} made, with everything in it. */
    public static void dropSchema(String schemaUrl) throws SQLException {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(schemaUrl); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
