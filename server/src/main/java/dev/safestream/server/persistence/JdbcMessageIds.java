package dev.safestream.server.persistence;

import dev.safestream.server.chat.MessageIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Message ids from a counter row in the shared database, for cluster mode: every node takes blocks from the same row
 * (row lock, one short transaction per pipeline batch), so ids stay unique and increasing across nodes, and they keep
 * coming while Redis is away (a message cannot be stored without the database anyway).
 */
public final class JdbcMessageIds implements MessageIds {
    private final Jdbc jdbc;

    public JdbcMessageIds(Database database) {
        this.jdbc = new Jdbc(database);
        // a database restored from a dump, or messages stored before this table existed: never hand out a stored id
        jdbc.update(
                "update message_id_counter set last_id = (select coalesce(max(id), 0) from messages)"
                        + " where id = 1 and last_id < (select coalesce(max(id), 0) from messages)",
                s -> {});
    }

    @Override
    public long reserve(int n) {
        return jdbc.inTransaction(c -> {
            long last;
            try (PreparedStatement s =
                            c.prepareStatement("select last_id from message_id_counter where id = 1 for update");
                    ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("message_id_counter has no row; migration V4 did not run");
                }
                last = row.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("update message_id_counter set last_id = ? where id = 1")) {
                s.setLong(1, last + n);
                s.executeUpdate();
            }
            return last + 1;
        });
    }
}
