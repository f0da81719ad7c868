package dev.safestream.server.persistence;

import dev.safestream.server.moderation.workflow.Pin;
import dev.safestream.server.moderation.workflow.PinRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pins in {@code channel_pins}, joined with their messages; a pin whose message was deleted is not returned. */
public final class JdbcPinRepository implements PinRepository {
    private static final String PINS = "select p.channel, p.message_id, p.pinned_by, p.pinned_at, m.username, m.body"
            + " from channel_pins p join messages m on m.id = p.message_id where m.deleted_at is null";

    private final Jdbc jdbc;

    public JdbcPinRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public List<Pin> all() {
        return jdbc.query(PINS, s -> {}, JdbcPinRepository::pin);
    }

    @Override
    public Optional<Pin> find(String channel) {
        return jdbc.query(PINS + " and p.channel = ?", s -> s.setString(1, channel), JdbcPinRepository::pin).stream()
                .findFirst();
    }

    @Override
    public void put(String channel, long messageId, String pinnedBy, Instant at) {
        jdbc.inTransaction(c -> {
            try (var delete = c.prepareStatement("delete from channel_pins where channel = ?")) {
                delete.setString(1, channel);
                delete.executeUpdate();
            }
            try (var insert = c.prepareStatement(
                    "insert into channel_pins (channel, message_id, pinned_by, pinned_at) values (?, ?, ?, ?)")) {
                insert.setString(1, channel);
                insert.setLong(2, messageId);
                insert.setString(3, pinnedBy);
                Jdbc.setInstant(insert, 4, at);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean remove(String channel) {
        return jdbc.update("delete from channel_pins where channel = ?", s -> s.setString(1, channel)) > 0;
    }

    private static Pin pin(ResultSet r) throws SQLException {
        return new Pin(
                r.getString("channel"),
                r.getLong("message_id"),
                r.getString("username"),
                r.getString("body"),
                r.getString("pinned_by"),
                Jdbc.instant(r, "pinned_at"));
    }
}
