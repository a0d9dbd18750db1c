package dev.kpikit.runner.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** kpikit_destination: the state of each destination (folder, webhook) of each delivery. */
public final class DestinationStore {

    /** One destination of one delivery: SENT or FAILED after {@code attempts} attempts. */
    public record Outcome(String scheduleId, Instant fireTime, String destination, DeliveryStatus status, int attempts,
            String detail, String error) {
    }

    private final DataSource dataSource;

    public DestinationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Outcome> of(String scheduleId, Instant fireTime) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT DESTINATION, STATUS, ATTEMPTS, DETAIL, ERROR FROM KPIKIT_DESTINATION"
                        + " WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? ORDER BY DESTINATION")) {
            q.setString(1, scheduleId);
            q.setLong(2, fireTime.toEpochMilli());
            List<Outcome> outcomes = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(new Outcome(scheduleId, fireTime, rs.getString(1), DeliveryStatus.valueOf(rs.getString(2)),
                            rs.getInt(3), rs.getString(4), rs.getString(5)));
                }
            }
            return outcomes;
        }
    }

    /**
     * Takes a FAILED destination for another attempt: true for the one runner whose compare-and-set on status and
     * attempts wins (a retry fired twice, or on two runners, delivers once).
     */
    boolean claimRetry(String scheduleId, Instant fireTime, String destination, int attempts) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE KPIKIT_DESTINATION SET STATUS = 'CLAIMED'"
                        + " WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? AND DESTINATION = ? AND STATUS = 'FAILED' AND ATTEMPTS = ?")) {
            update.setString(1, scheduleId);
            update.setLong(2, fireTime.toEpochMilli());
            update.setString(3, destination);
            update.setInt(4, attempts);
            return update.executeUpdate() == 1;
        }
    }

    /** Records an attempt at a destination (counting it). */
    void record(String scheduleId, Instant fireTime, String destination, DeliveryStatus status, String detail, String error)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE KPIKIT_DESTINATION SET STATUS = ?, ATTEMPTS = ATTEMPTS + 1,"
                    + " FINISHED = ?, DETAIL = ?, ERROR = ? WHERE SCHEDULE_ID = ? AND FIRE_TIME = ? AND DESTINATION = ?")) {
                update.setString(1, status.name());
                update.setLong(2, Instant.now().toEpochMilli());
                update.setString(3, truncate(detail));
                update.setString(4, truncate(error));
                update.setString(5, scheduleId);
                update.setLong(6, fireTime.toEpochMilli());
                update.setString(7, destination);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO KPIKIT_DESTINATION (SCHEDULE_ID, FIRE_TIME, DESTINATION,"
                    + " STATUS, ATTEMPTS, FINISHED, DETAIL, ERROR) VALUES (?, ?, ?, ?, 1, ?, ?, ?)")) {
                insert.setString(1, scheduleId);
                insert.setLong(2, fireTime.toEpochMilli());
                insert.setString(3, destination);
                insert.setString(4, status.name());
                insert.setLong(5, Instant.now().toEpochMilli());
                insert.setString(6, truncate(detail));
                insert.setString(7, truncate(error));
                insert.executeUpdate();
            }
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
