package dev.safestream.server.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.server.moderation.ReviewDecision;
import dev.safestream.server.moderation.ReviewState;
import dev.safestream.server.moderation.workflow.HeldMessage;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import dev.safestream.server.moderation.workflow.ReviewRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Held messages ({@code held_messages} joined with {@code messages}) and the {@code review_decisions} on them. */
public final class JdbcReviewRepository implements ReviewRepository {
    private static final String SELECT =
            "select m.*, h.state, h.published from held_messages h" + " join messages m on m.id = h.message_id";

    private final Jdbc jdbc;
    private final MessageRows rows;

    public JdbcReviewRepository(Database database, ObjectMapper mapper) {
        this.jdbc = new Jdbc(database);
        this.rows = new MessageRows(mapper);
    }

    @Override
    public List<HeldMessage> pending() {
        return jdbc.query(
                SELECT + " where h.state = 'pending' order by h.message_id", s -> {}, r -> held(r, List.of()));
    }

    @Override
    public Optional<HeldMessage> find(long messageId) {
        return jdbc.query(SELECT + " where h.message_id = ?", s -> s.setLong(1, messageId), r -> held(r, null)).stream()
                .findFirst()
                .map(this::withDecisions);
    }

    @Override
    public List<HeldMessage> decided(String channel, int limit) {
        return jdbc
                .query(
                        SELECT + " where h.channel = ? and h.state <> 'pending' order by h.message_id desc"
                                + " fetch first ? rows only",
                        s -> {
                            s.setString(1, channel);
                            s.setInt(2, limit);
                        },
                        r -> held(r, null))
                .stream()
                .map(this::withDecisions)
                .toList();
    }

    @Override
    public Merged decide(long messageId, String channel, HeldMessage.Entry decision) {
        return jdbc.inTransaction(c -> {
            ReviewState before;
            boolean published;
            try (var lock =
                    c.prepareStatement("select state, published from held_messages where message_id = ? for update")) {
                lock.setLong(1, messageId);
                try (var row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new NoSuchElementException("no held message " + messageId);
                    }
                    before = ReviewState.fromWireName(row.getString("state"));
                    published = row.getBoolean("published");
                }
            }
            ReviewState after = before.merge(decision.decision());
            boolean publishNow = !published && after.publishable();
            try (var insert = c.prepareStatement("insert into review_decisions (message_id, channel, moderator,"
                            + " decision, reason, created_at) values (?, ?, ?, ?, ?, ?)");
                    var update = c.prepareStatement(
                            "update held_messages set state = ?, published = ? where message_id = ?")) {
                insert.setLong(1, messageId);
                insert.setString(2, channel);
                insert.setString(3, decision.moderator());
                insert.setString(4, decision.decision().wireName());
                insert.setString(5, truncate(decision.reason()));
                Jdbc.setInstant(insert, 6, decision.at());
                insert.executeUpdate();
                update.setString(1, after.wireName());
                update.setBoolean(2, published || publishNow);
                update.setLong(3, messageId);
                update.executeUpdate();
            }
            return new Merged(after, published || publishNow, publishNow);
        });
    }

    /** @param decisions the decisions, or {@code null} when they still have to be read */
    private HeldMessage held(ResultSet row, List<HeldMessage.Entry> decisions) throws SQLException {
        ModeratedMessage message = rows.message(row);
        return new HeldMessage(
                message,
                ReviewState.fromWireName(row.getString("state")),
                row.getBoolean("published"),
                decisions == null ? List.of() : decisions);
    }

    private HeldMessage withDecisions(HeldMessage h) {
        List<HeldMessage.Entry> decisions = jdbc.query(
                "select * from review_decisions where message_id = ? order by id",
                s -> s.setLong(1, h.id()),
                r -> new HeldMessage.Entry(
                        r.getString("moderator"),
                        ReviewDecision.fromWireName(r.getString("decision")),
                        r.getString("reason"),
                        Jdbc.instant(r, "created_at")));
        return new HeldMessage(h.message(), h.state(), h.published(), decisions);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
