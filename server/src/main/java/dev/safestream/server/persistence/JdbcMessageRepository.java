package dev.safestream.server.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ChatPosted;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.chat.ModeratedMessage;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.ReviewState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Chat history in the {@code messages} table. Batches are written in one transaction. */
public final class JdbcMessageRepository implements MessageRepository {
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
                            + " created_at, explanation, review_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    if (a.decision() == Decision.HOLD) {
                        s.setString(12, ReviewState.PENDING.wireName());
                    } else {
                        s.setNull(12, Types.VARCHAR);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long maxId() {
        return jdbc.query("select coalesce(max(id), 0) from messages", s -> {}, r -> r.getLong(1))
                .get(0);
    }

    @Override
    public List<ChatPosted> recentVisible(String channel, int limit) {
        List<ChatPosted> newestFirst = new ArrayList<>(jdbc.query(
                "select * from messages where channel = ? and (decision in ('allow', 'flag')"
                        + " or (decision = 'hold' and review_state in ('approved', 'highlighted')))"
                        + " order by id desc fetch first ? rows only",
                s -> {
                    s.setString(1, channel);
                    s.setInt(2, limit);
                },
                this::visible));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Optional<ModeratedMessage> latestFlagged(String channel, String username, Instant since) {
        return jdbc
                .query(
                        "select * from messages where channel = ? and username = ? and decision = 'flag'"
                                + " and created_at >= ? order by id desc fetch first 1 rows only",
                        s -> {
                            s.setString(1, channel);
                            s.setString(2, username);
                            Jdbc.setInstant(s, 3, since);
                        },
                        rows::message)
                .stream()
                .findFirst();
    }

    private ChatPosted visible(ResultSet row) throws SQLException {
        ModeratedMessage m = rows.message(row);
        return m.decision() == Decision.HOLD
                ? m.publishedEvent(ReviewState.HIGHLIGHTED.wireName().equals(row.getString("review_state")))
                : m.viewerEvent();
    }
}
