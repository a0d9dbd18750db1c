package dev.kpikit.runner.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kpikit_delivery: the record of every delivery, and the claim that makes a fire deliver once.
 * A runner claims (schedule, fire time) by inserting the row; the database's primary key
 * decides between two runners. The claim holds a lease that the owner renews while it works;
 * a row whose lease ran out is taken over (compare-and-set on owner and lease). Every later
 * step updates the row only while this owner still holds it, so a runner that lost its claim
 * (it stalled past its lease) stops before sending.
 */
public final class DeliveryStore {

    private static final String COLUMNS = "SCHEDULE_ID, FIRE_TIME, NOMINAL_TIME, STATUS, OWNER, LEASE_UNTIL, STARTED, "
            + "FINISHED, ATTEMPTS, RECOVERIES, LATE, DRY_RUN, MESSAGE_ID, RECIPIENTS, FILES, NOTE, ERROR";
    private static final String IN_PROGRESS = "STATUS IN ('CLAIMED', 'RENDERED')";
    /**
     * The owner of a delivery between two SMTP attempts: no runner works on it, and its lease is the time of the next
     * attempt (a Quartz trigger fires it then; if that trigger is lost, the sweep of stranded rows picks the row up).
     */
    public static final String WAITING = "(waiting for the next attempt)";

    /** How long a statement is tried again while the store is unreachable. */
    static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStore.class);

    private final DataSource dataSource;
    private final Duration lease;
    private final Clock clock;

    public DeliveryStore(DataSource dataSource, Duration lease, Clock clock) {
        this.dataSource = dataSource;
        this.lease = lease;
        this.clock = clock;
    }

    public Duration lease() {
        return lease;
    }

    /** The outcome of trying to claim a fire. */
    public record Claim(Kind kind, DeliveryRecord record) {
        public enum Kind {
            /** First attempt at this fire. */
            NEW,
            /** A dead runner's unfinished delivery, now ours. */
            TAKEN_OVER,
            /** Already SENT, FAILED or SKIPPED: nothing to do. */
            DONE,
            /** Another runner works on it and renews its lease. */
            HELD,
            /** A delivery that waited for its next SMTP attempt, now ours. */
            RESUMED
        }
    }

    public Claim claim(String scheduleId, Instant fireTime, Instant nominalTime, boolean late, boolean dryRun, String owner)
            throws SQLException {
        for (int tries = 0; tries < 5; tries++) {
            Instant now = clock.instant();
            try {
                insert(scheduleId, fireTime, nominalTime, late, dryRun, owner, now);
                return new Claim(Claim.Kind.NEW, find(scheduleId, fireTime).orElseThrow());
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            DeliveryRecord existing = find(scheduleId, fireTime).orElse(null);
            if (existing == null) {
                continue;
            }
            if (existing.status().isFinal()) {
                return new Claim(Claim.Kind.DONE, existing);
            }
            if (existing.owner().equals(owner)) {
                return new Claim(Claim.Kind.NEW, existing);  // our insert committed, its answer was lost (the store restarted)
            }
            if (existing.waiting()) {
                if (compareAndSetOwner(existing, owner, now, null)) {
                    return new Claim(Claim.Kind.RESUMED, find(scheduleId, fireTime).orElseThrow());
                }
                continue;
            }
            if (!existing.stale(now)) {
                return new Claim(Claim.Kind.HELD, existing);
            }
            String note = "recovered after a runner stopped (" + runnerOf(existing.owner()) + ", while " + existing.status() + ")";
            if (compareAndSetOwner(existing, owner, now, note)) {
                return new Claim(Claim.Kind.TAKEN_OVER, find(scheduleId, fireTime).orElseThrow());
            }
        }
        throw new SQLException("could not claim " + scheduleId + " at " + fireTime + ": the row keeps changing");
    }

    private void insert(String scheduleId, Instant fireTime, Instant nominalTime, boolean late, boolean dryRun, String owner,
            Instant now) throws SQLException {
        retrying(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO KPIKIT_DELIVERY (" + COLUMNS
                            + ") VALUES (?, ?, ?, 'CLAIMED', ?, ?, ?, NULL, 0, 0, ?, ?, NULL, NULL, NULL, ?, NULL)")) {
                insert.setString(1, scheduleId);
                insert.setLong(2, fireTime.toEpochMilli());
                insert.setLong(3, nominalTime.toEpochMilli());
                insert.setString(4, owner);
                insert.setLong(5, now.plus(lease).toEpochMilli());
                insert.setLong(6, now.toEpochMilli());
                insert.setBoolean(7, late);
                insert.setBoolean(8, dryRun);
                insert.setString(9, late ? "late" : null);
                insert.executeUpdate();
                return null;
            }
        });
    }

    /** Moves a row from its owner to {@code owner} if nobody changed it since it was read; a take-over counts a recovery. */
    private boolean compareAndSetOwner(DeliveryRecord existing, String owner, Instant now, String takeOverNote)
            throws SQLException {
        return retrying(() -> {
            try (Connection c = dataSource.getConnection();
                PreparedStatement cas = c.prepareStatement("UPDATE KPIKIT_DELIVERY SET OWNER = ?, LEASE_UNTIL = ?,"
                        + " RECOVERIES = RECOVERIES + ?, NOTE = ? WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? AND OWNER = ?"
                        + " AND LEASE_UNTIL = ? AND " + IN_PROGRESS)) {
            cas.setString(1, owner);
            cas.setLong(2, now.plus(lease).toEpochMilli());
            cas.setInt(3, takeOverNote == null ? 0 : 1);
            cas.setString(4, truncate(join(existing.note(), takeOverNote), 1000));
            cas.setString(5, existing.scheduleId());
            cas.setLong(6, existing.fireTime().toEpochMilli());
            cas.setString(7, existing.owner());
            cas.setLong(8, existing.leaseUntil().toEpochMilli());
            return cas.executeUpdate() == 1;
            }
        });
    }

    /** "host:pid:abc123" of an owner "host:pid:abc123/uuid". */
    static String runnerOf(String owner) {
        int slash = owner.indexOf('/');
        return "runner " + (slash < 0 ? owner : owner.substring(0, slash));
    }

    /** Rows in progress whose lease ran out before {@code cutoff}: their runner is gone and nobody took them over. */
    public List<DeliveryRecord> stranded(Instant cutoff) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM KPIKIT_DELIVERY WHERE " + IN_PROGRESS + " AND LEASE_UNTIL < ?"
                + " ORDER BY STARTED, SCHEDULE_ID", cutoff.toEpochMilli());
    }

    /**
     * Hands a delivery back after a failed attempt: nobody owns it until {@code due}, when its next attempt is fired.
     * The error so far is recorded, so the history shows why it waits.
     */
    public boolean waitForNextAttempt(DeliveryRecord claim, String owner, Instant due, String note, String error)
            throws SQLException {
        return update(claim, owner, "OWNER = ?, LEASE_UNTIL = ?, NOTE = ?, ERROR = ?", WAITING, due.toEpochMilli(),
                truncate(note, 1000), truncate(error, 4000));
    }

    public boolean markRendered(DeliveryRecord claim, String owner, String messageId, String recipients, String files)
            throws SQLException {
        return update(claim, owner, "STATUS = 'RENDERED', MESSAGE_ID = ?, RECIPIENTS = ?, FILES = ?",
                messageId, recipients, files);
    }

    /** Counts an SMTP attempt and renews the lease; false when this runner no longer holds the claim. */
    public boolean beginAttempt(DeliveryRecord claim, String owner) throws SQLException {
        return update(claim, owner, "ATTEMPTS = ATTEMPTS + 1, LEASE_UNTIL = ?", clock.instant().plus(lease).toEpochMilli());
    }

    public boolean finish(DeliveryRecord claim, String owner, DeliveryStatus status, String note, String error)
            throws SQLException {
        return update(claim, owner, "STATUS = ?, FINISHED = ?, NOTE = ?, ERROR = ?", status.name(),
                clock.instant().toEpochMilli(), truncate(note, 1000), truncate(error, 4000));
    }

    /** Renews the lease of a claim this runner works on; false when it lost it. */
    public boolean renew(DeliveryRecord claim, String owner) throws SQLException {
        return update(claim, owner, "LEASE_UNTIL = ?", clock.instant().plus(lease).toEpochMilli());
    }

    private boolean update(DeliveryRecord claim, String owner, String set, Object... values) throws SQLException {
        return retrying(() -> {
            try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE KPIKIT_DELIVERY SET " + set
                        + " WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? AND OWNER = ? AND " + IN_PROGRESS)) {
            int i = 1;
            for (Object value : values) {
                update.setObject(i++, value);
            }
            update.setString(i++, claim.scheduleId());
            update.setLong(i++, claim.fireTime().toEpochMilli());
            update.setString(i, owner);
            return update.executeUpdate() == 1;
            }
        });
    }

    public Optional<DeliveryRecord> find(String scheduleId, Instant fireTime) throws SQLException {
        List<DeliveryRecord> rows = query("SELECT " + COLUMNS + " FROM KPIKIT_DELIVERY WHERE SCHEDULE_ID = ? AND FIRE_TIME = ?",
                scheduleId, fireTime.toEpochMilli());
        return rows.stream().findFirst();
    }

    /** The last {@code n} deliveries, newest first. */
    public List<DeliveryRecord> last(int n) throws SQLException {
        List<DeliveryRecord> rows = query("SELECT " + COLUMNS + " FROM KPIKIT_DELIVERY ORDER BY STARTED DESC, SCHEDULE_ID"
                + " FETCH FIRST " + Math.max(1, n) + " ROWS ONLY");
        return rows;
    }

    public List<DeliveryRecord> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM KPIKIT_DELIVERY ORDER BY STARTED, SCHEDULE_ID");
    }

    private List<DeliveryRecord> query(String sql, Object... values) throws SQLException {
        return retrying(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                q.setObject(i + 1, values[i]);
            }
            List<DeliveryRecord> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
            }
        });
    }

    private interface StoreWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs one statement, again and again while the store is unreachable (a PostgreSQL restart or failover drops every
     * connection): a delivery that already went out must still be recorded, not left for a take-over to send again.
     * Gives up after {@link #OUTAGE}; the row then keeps its lease and is taken over later.
     */
    private <T> T retrying(StoreWork<T> work) throws SQLException {
        long giveUp = System.nanoTime() + OUTAGE.toNanos();
        boolean logged = false;
        while (true) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!connectionLost(e) || System.nanoTime() > giveUp) {
                    throw e;
                }
                if (!logged) {
                    LOG.warn("the job store is unreachable ({}); trying again for up to {} s", e.getMessage(), OUTAGE.toSeconds());
                    logged = true;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The connection broke or none could be had (SQL state class 08, PostgreSQL's 57P0x: shut down, starting up). */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static DeliveryRecord read(ResultSet rs) throws SQLException {
        long finished = rs.getLong("FINISHED");
        boolean noFinish = rs.wasNull();
        return new DeliveryRecord(rs.getString("SCHEDULE_ID"), Instant.ofEpochMilli(rs.getLong("FIRE_TIME")),
                Instant.ofEpochMilli(rs.getLong("NOMINAL_TIME")), DeliveryStatus.valueOf(rs.getString("STATUS")),
                rs.getString("OWNER"), Instant.ofEpochMilli(rs.getLong("LEASE_UNTIL")),
                Instant.ofEpochMilli(rs.getLong("STARTED")), noFinish ? null : Instant.ofEpochMilli(finished),
                rs.getInt("ATTEMPTS"), rs.getInt("RECOVERIES"), rs.getBoolean("LATE"), rs.getBoolean("DRY_RUN"),
                rs.getString("MESSAGE_ID"), rs.getString("RECIPIENTS"), rs.getString("FILES"), rs.getString("NOTE"),
                rs.getString("ERROR"));
    }

    static String join(String a, String b) {
        return a == null || a.isBlank() ? b : b == null || b.isBlank() ? a : a + "; " + b;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
