package dev.safestream.server.persistence;

import dev.safestream.server.moderation.workflow.FeedbackLabel;
import dev.safestream.server.moderation.workflow.LabelRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Moderator feedback labels in the {@code feedback_labels} table. */
public final class JdbcLabelRepository implements LabelRepository {
    private final Jdbc jdbc;

    public JdbcLabelRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public void add(FeedbackLabel label) {
        jdbc.inTransaction(c -> {
            insert(c, label);
            return null;
        });
    }

    @Override
    public void replaceQueueLabel(FeedbackLabel label) {
        jdbc.inTransaction(c -> {
            try (var delete = c.prepareStatement(
                    "delete from feedback_labels where message_id = ? and source in ('approve', 'reject')")) {
                delete.setLong(1, label.messageId());
                delete.executeUpdate();
            }
            insert(c, label);
            return null;
        });
    }

    @Override
    public List<FeedbackLabel> after(long afterId, int limit) {
        return jdbc.query(
                "select * from feedback_labels where id > ? order by id fetch first ? rows only",
                s -> {
                    s.setLong(1, afterId);
                    s.setInt(2, limit);
                },
                r -> new FeedbackLabel(
                        r.getLong("id"),
                        r.getLong("message_id"),
                        r.getString("channel"),
                        r.getString("body"),
                        r.getBoolean("toxic"),
                        r.getString("source"),
                        r.getString("moderator"),
                        Jdbc.instant(r, "created_at")));
    }

    private static void insert(Connection c, FeedbackLabel label) throws SQLException {
        try (var s = c.prepareStatement("insert into feedback_labels (message_id, channel, body, toxic, source,"
                + " moderator, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, label.messageId());
            s.setString(2, label.channel());
            s.setString(3, label.text());
            s.setBoolean(4, label.toxic());
            s.setString(5, label.source());
            s.setString(6, label.moderator());
            Jdbc.setInstant(s, 7, label.at());
            s.executeUpdate();
        }
    }
}
