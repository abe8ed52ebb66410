package dev.supportpulse.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The service's own table, {@code ingest.events}, as the benchmark empties, fills and counts it. */
final class EventTable {

    private final Connection db;

    EventTable(Connection db) {
        this.db = db;
    }

    /** Fails with a message that says what to do when the table is not there (the service creates it). */
    void requireExists() throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet table = statement.executeQuery("SELECT to_regclass('ingest.events') IS NOT NULL")) {
            table.next();
            if (!table.getBoolean(1)) {
                throw new IllegalStateException("no table ingest.events in " + db.getMetaData().getURL()
                        + ": point --jdbc at ingest-service's database (it creates the table at start-up)");
            }
        }
    }

    /** Empties the table and, where allowed, checkpoints, so that neither run pays for the other's dirty pages. */
    void empty() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE ingest.events RESTART IDENTITY");
            try {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                // CHECKPOINT needs a superuser or pg_checkpoint; the runs are still comparable without it.
            }
        }
    }

    /**
     * Copies the rows in with one COPY statement, which in auto-commit is one transaction, fed chunk by chunk.
     *
     * @return the rows PostgreSQL reports copied
     */
    long copy(Iterable<byte[]> chunks) throws SQLException {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY ingest.events (" + CopyRows.COLUMNS + ") FROM STDIN");
        try {
            for (byte[] chunk : chunks) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    long count() throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM ingest.events")) {
            count.next();
            return count.getLong(1);
        }
    }

    String serverVersion() throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            return version.getString(1);
        }
    }
}
