package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The job store database: one connection pool shared by Quartz and the delivery records, and
 * the tables created when missing (from schema.sql, for H2 or PostgreSQL).
 */
public final class StoreDatabase implements AutoCloseable {

    private final StoreSettings settings;
    private final HikariDataSource pool;

    private StoreDatabase(StoreSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    public static StoreDatabase open(StoreSettings settings, int connections) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(settings.url()));
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        String password = settings.password().get();
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setPoolName("kpikit-store");
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SQLException("cannot open the job store " + settings + ": " + rootMessage(e), e);
        }
        StoreDatabase database = new StoreDatabase(settings, pool);
        try {
            database.createTables();
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    /**
     * An H2 file store made safe for a runner: H2 flushes commits to disk up to half a second late by default, and a
     * runner killed in that window would lose a recorded step (WRITE_DELAY=0 makes every commit durable); and Quartz
     * interrupts its misfire thread when it shuts down, which closes an H2 file channel that thread is using, after
     * which the store fails until reopened (H2's retry: file system reopens the file and goes on).
     */
    static String durable(String url) {
        String h2File = "jdbc:h2:file:";
        if (!url.startsWith(h2File)) {
            return url;
        }
        String reopening = "jdbc:h2:retry:" + url.substring(h2File.length());
        return url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? reopening : reopening + ";WRITE_DELAY=0";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    public StoreSettings settings() {
        return settings;
    }

    public boolean postgreSql() {
        return settings.postgreSql();
    }

    /** The Quartz delegate that speaks this database's dialect. */
    public String quartzDelegate() {
        return postgreSql() ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }

    private void createTables() throws SQLException {
        String schema;
        try (InputStream in = StoreDatabase.class.getResourceAsStream("schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("schema.sql missing from the runner jar", e);
        }
        schema = schema.replaceAll("(?m)^--.*$", "").replace("${BLOB}", postgreSql() ? "BYTEA" : "BLOB");
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (postgreSql()) {
                    // runners of a cluster start together: one creates the tables, the others wait for it
                    statement.execute("SELECT pg_advisory_xact_lock(7051)");
                }
                for (String sql : schema.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            connection.commit();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
