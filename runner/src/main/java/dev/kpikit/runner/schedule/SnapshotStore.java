package dev.kpikit.runner.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * kpikit_snapshot: what each delivery showed ({@link DeliverySnapshot}), in the same database as the deliveries, so
 * that every runner of a cluster, and a runner after a restart, compares with the same last delivery.
 */
final class SnapshotStore {

    private final DataSource dataSource;

    SnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The snapshot of that delivery, when one was recorded (a retry or take-over decides as the first try did). */
    Optional<DeliverySnapshot> of(String scheduleId, Instant fireTime) throws SQLException {
        return one("SELECT SNAPSHOT FROM KPIKIT_SNAPSHOT WHERE SCHEDULE_ID = ? AND FIRE_TIME = ?", scheduleId,
                fireTime.toEpochMilli());
    }

    /** The snapshot of the schedule's latest SENT delivery before this fire, if any. */
    Optional<DeliverySnapshot> lastSent(String scheduleId, Instant before) throws SQLException {
        return one("SELECT S.SNAPSHOT FROM KPIKIT_SNAPSHOT S JOIN KPIKIT_DELIVERY D ON D.SCHEDULE_ID = S.SCHEDULE_ID"
                + " AND D.FIRE_TIME = S.FIRE_TIME WHERE S.SCHEDULE_ID = ? AND D.STATUS = 'SENT' AND S.FIRE_TIME < ?"
                + " ORDER BY S.FIRE_TIME DESC FETCH FIRST 1 ROWS ONLY", scheduleId, before.toEpochMilli());
    }

    /** Records the snapshot of a delivery; the first one recorded for it stays (two runners cannot both claim it). */
    void save(String scheduleId, Instant fireTime, DeliverySnapshot snapshot) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO KPIKIT_SNAPSHOT (SCHEDULE_ID, FIRE_TIME, SNAPSHOT) VALUES (?, ?, ?)")) {
            insert.setString(1, scheduleId);
            insert.setLong(2, fireTime.toEpochMilli());
            insert.setString(3, snapshot.toJson());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private Optional<DeliverySnapshot> one(String sql, String scheduleId, long fireTime) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, scheduleId);
            q.setLong(2, fireTime);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(DeliverySnapshot.fromJson(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
