package dev.kpikit.runner.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

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
            HELD
        }
    }

    public Claim claim(String scheduleId, Instant fireTime, Instant nominalTime, boolean late, boolean dryRun, String owner)
            throws SQLException {
        for (int tries = 0; tries < 5; tries++) {
            Instant now = clock.instant();
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
            if (!existing.stale(now)) {
                return new Claim(Claim.Kind.HELD, existing);
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement takeOver = c.prepareStatement("UPDATE KPIKIT_DELIVERY SET OWNER = ?, LEASE_UNTIL = ?,"
                            + " RECOVERIES = RECOVERIES + 1 WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? AND OWNER = ?"
                            + " AND LEASE_UNTIL = ? AND " + IN_PROGRESS)) {
                takeOver.setString(1, owner);
                takeOver.setLong(2, now.plus(lease).toEpochMilli());
                takeOver.setString(3, scheduleId);
                takeOver.setLong(4, fireTime.toEpochMilli());
                takeOver.setString(5, existing.owner());
                takeOver.setLong(6, existing.leaseUntil().toEpochMilli());
                if (takeOver.executeUpdate() == 1) {
                    return new Claim(Claim.Kind.TAKEN_OVER, find(scheduleId, fireTime).orElseThrow());
                }
            }
        }
        throw new SQLException("could not claim " + scheduleId + " at " + fireTime + ": the row keeps changing");
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

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
