package dev.safestream.server.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ChatPosted;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.ReviewState;
import dev.safestream.server.moderation.workflow.MessageRemovals;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Chat history in the {@code messages} table. Batches are written in one transaction. */
public final class JdbcMessageRepository implements MessageRepository, MessageRemovals {
    private final Jdbc jdbc;
    private final MessageRows rows;

    public JdbcMessageRepository(Database database, ObjectMapper mapper) {
        this.jdbc = new Jdbc(database);
        this.rows = new MessageRows(mapper);
    }

    @Override
    public void saveAll(List<ModeratedMessage> messages) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into messages (id, channel, username, body, score, toxic, decision, categories, reason,"
                            + " created_at, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ModeratedMessage m : messages) {
                    var a = m.assessment();
                    s.setLong(1, m.id());
                    s.setString(2, m.channel());
                    s.setString(3, m.user());
                    s.setString(4, m.text());
                    s.setDouble(5, a.score());
                    s.setBoolean(6, a.toxic());
                    s.setString(7, a.decision().wireName());
                    s.setString(8, a.categories().isEmpty() ? null : rows.write(a.categories()));
                    s.setString(9, MessageRows.reason(a.reason()));
                    Jdbc.setInstant(s, 10, m.ts());
                    s.setString(11, rows.explanation(a.explanation()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            saveHeld(c, messages);
            return null;
        });
    }

    /** Held messages also get a row in {@code held_messages}, pending, in the same transaction. */
    private static void saveHeld(Connection c, List<ModeratedMessage> messages) throws SQLException {
        PreparedStatement s = null;
        try {
            for (ModeratedMessage m : messages) {
                if (m.decision() != Decision.HOLD) {
                    continue;
                }
                if (s == null) {
                    s = c.prepareStatement(
                            "insert into held_messages (message_id, channel, state, published) values (?, ?, ?, false)");
                }
                s.setLong(1, m.id());
                s.setString(2, m.channel());
                s.setString(3, ReviewState.PENDING.wireName());
                s.addBatch();
            }
            if (s != null) {
                s.executeBatch();
            }
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }

    @Override
    public long maxId() {
        return jdbc.query("select coalesce(max(id), 0) from messages", s -> {}, r -> r.getLong(1))
                .get(0);
    }

    /** A channel's messages viewers may see: not deleted; allowed, flagged, or held and published. */
    private static final String VISIBLE =
            "select m.*, h.state from messages m left join held_messages h on h.message_id = m.id"
                    + " where m.channel = ? and m.deleted_at is null and (m.decision in ('allow', 'flag')"
                    + " or h.state in ('approved', 'highlighted'))";

    @Override
    public List<ChatPosted> recentVisible(String channel, int limit) {
        List<ChatPosted> newestFirst = new ArrayList<>(jdbc.query(
                VISIBLE + " order by m.id desc fetch first ? rows only",
                s -> {
                    s.setString(1, channel);
                    s.setInt(2, limit);
                },
                this::visible));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return jdbc
                .query(
                        "select id, channel, username from messages where id = ?",
                        s -> s.setLong(1, id),
                        r -> new StoredMessage(r.getLong("id"), r.getString("channel"), r.getString("username")))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<ChatPosted> findVisible(String channel, long id) {
        return jdbc
                .query(
                        VISIBLE + " and m.id = ?",
                        s -> {
                            s.setString(1, channel);
                            s.setLong(2, id);
                        },
                        this::visible)
                .stream()
                .findFirst();
    }

    @Override
    public boolean markDeleted(long id, String by, Instant at) {
        return jdbc.update(
                        "update messages set deleted_at = ?, deleted_by = ? where id = ? and deleted_at is null", s -> {
                            Jdbc.setInstant(s, 1, at);
                            s.setString(2, by);
                            s.setLong(3, id);
                        })
                == 1;
    }

    @Override
    public int markDeletedFrom(String channel, String user, String by, Instant at) {
        return jdbc.update(
                "update messages set deleted_at = ?, deleted_by = ? where channel = ? and username = ?"
                        + " and deleted_at is null",
                s -> {
                    Jdbc.setInstant(s, 1, at);
                    s.setString(2, by);
                    s.setString(3, channel);
                    s.setString(4, user);
                });
    }

    private ChatPosted visible(ResultSet row) throws SQLException {
        ModeratedMessage m = rows.message(row);
        return m.decision() == Decision.HOLD
                ? m.publishedEvent(ReviewState.HIGHLIGHTED.wireName().equals(row.getString("state")))
                : m.viewerEvent();
    }
}
