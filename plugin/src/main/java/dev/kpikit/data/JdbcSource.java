package dev.kpikit.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table that lives in a database, named by a small file in the data folder instead of the table's
 * file ({@code revenue.jdbc} for {@code revenue.csv}), in Java properties form:
 * <pre>
 * url = jdbc:postgresql://db.example.com/finance
 * user = reporting
 * password.env = FINANCE_DB_PASSWORD     (or password = ...)
 * table = sales.invoices                 (or query = SELECT ... ; one of the two)
 * </pre>
 * The table or query is used as written, in a FROM clause: it is the operator's SQL, like the URL.
 */
public final class JdbcSource {

    public static final String EXTENSION = "jdbc";
    private static final Set<String> SETTINGS = Set.of("url", "user", "password", "password.env", "table", "query");

    /**
     * URL options with which the driver runs code, loads a class or reads a local file that the URL names: H2's INIT
     * (SQL on connect, which can define Java functions), PostgreSQL's factories, callbacks and log file, MySQL's and
     * MariaDB's interceptors, deserialisation and LOCAL INFILE. A data folder may be writable by more people than the
     * runner's own settings, so its file must not turn a connection into running someone's code.
     */
    private static final Pattern CODE_RUNNING_OPTION = Pattern.compile("[;?&(]\\s*(init|socketFactory|socketFactoryArg"
            + "|sslfactory|sslfactoryarg|sslhostnameverifier|sslpasswordcallback|authenticationPluginClassName|loggerFile"
            + "|autoDeserialize|allowLoadLocalInfile|allowLocalInfile|allowUrlInLocalInfile|queryInterceptors"
            + "|statementInterceptors|exceptionInterceptors|connectionLifecycleInterceptors)\\s*=", Pattern.CASE_INSENSITIVE);

    private final String fileName;
    private final String url;
    private final String user;
    private final String password;
    private final String table;
    private final String query;

    private JdbcSource(String fileName, String url, String user, String password, String table, String query) {
        this.fileName = fileName;
        this.url = url;
        this.user = user;
        this.password = password;
        this.table = table;
        this.query = query;
    }

    /** Reads a source file; a missing or unknown setting is refused naming the file and the setting. */
    public static JdbcSource read(Path file) throws IOException, DataFormatException {
        DataFiles.requireExists(file);
        String name = DataFiles.name(file);
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IllegalArgumentException e) {
            throw refusal(name, "cannot be read as settings (" + e.getMessage() + ")", null);
        }
        Set<String> unknown = new TreeSet<>(settings.stringPropertyNames());
        unknown.removeAll(SETTINGS);
        if (!unknown.isEmpty()) {
            throw refusal(name, "unknown setting '" + unknown.iterator().next() + "'; expected url, user, password,"
                    + " password.env, table or query", unknown.iterator().next());
        }
        String url = setting(settings, "url");
        if (url == null || !url.startsWith("jdbc:")) {
            throw refusal(name, "the setting 'url' must be a JDBC URL (jdbc:postgresql://host/database, ...)", "url");
        }
        Matcher option = CODE_RUNNING_OPTION.matcher(url);
        if (option.find()) {
            throw refusal(name, "the url option '" + option.group(1) + "' lets the database driver run code or read files"
                    + " named in the URL, which kpikit does not allow from a data folder; set it up in the database instead", "url");
        }
        String table = setting(settings, "table");
        String query = setting(settings, "query");
        if ((table == null) == (query == null)) {
            throw refusal(name, "give either 'table' (a table or view name) or 'query' (an SQL SELECT), not "
                    + (table == null ? "neither" : "both"), table == null ? "table" : "query");
        }
        String password = setting(settings, "password");
        String passwordVariable = setting(settings, "password.env");
        if (passwordVariable != null) {
            password = System.getenv(passwordVariable);
            if (password == null) {
                throw refusal(name, "the environment variable " + passwordVariable + " named by 'password.env' is not set",
                        "password.env");
            }
        }
        return new JdbcSource(name, url, setting(settings, "user"), password, table, query);
    }

    private static String setting(Properties settings, String key) {
        String value = settings.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static DataFormatException refusal(String fileName, String what, String setting) {
        return new DataFormatException(fileName + ": " + what, fileName, 0, setting);
    }

    /** "revenue.jdbc (table sales.invoices)": the source in messages; never the URL, which may hold a password. */
    public String source() {
        return fileName + (table != null ? " (table " + table + ")" : " (query)");
    }

    public Connection connect() throws SQLException {
        return user == null && password == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** The rows as a FROM item, aliased {@code q}. */
    String from() {
        return table != null ? table + " q" : "(" + query + ") q";
    }

    /** The column labels of the table or query, as the database spells them (no row is fetched). */
    List<String> columnLabels(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + from() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = statement.executeQuery().getMetaData();
            List<String> labels = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                labels.add(meta.getColumnLabel(i));
            }
            return labels;
        }
    }

    /** A database failure as a refusal naming this source and what the database said. */
    DataFormatException failure(SQLException e) {
        return new DataFormatException(source() + ": the database refused the query: " + e.getMessage(), source(), 0, null, e);
    }

    /** A column label as an SQL identifier, quoted so that the database's own spelling is kept. */
    static String quoted(String label) {
        return "\"" + label.replace("\"", "\"\"") + "\"";
    }
}
