package dev.safestream.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ChatPosted;
import dev.safestream.server.chat.MessageRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Chat history in the {@code messages} table. Batches are written in one transaction. */
public final class JdbcMessageRepository implements MessageRepository {
    private static final TypeReference<Map<String, Double>> CATEGORIES = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    public JdbcMessageRepository(Database database, ObjectMapper mapper) {
        this.jdbc = new Jdbc(database);
        this.mapper = mapper;
    }

    @Override
    public void saveAll(List<ChatPosted> messages) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into messages (id, channel, username, body, score, toxic, decision, categories, reason,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ChatPosted m : messages) {
                    s.setLong(1, m.id());
                    s.setString(2, m.channel());
                    s.setString(3, m.user());
                    s.setString(4, m.message());
                    s.setDouble(5, m.score());
                    s.setBoolean(6, m.toxic());
                    s.setString(7, decision(m));
                    s.setString(8, m.categories() == null ? null : write(m.categories()));
                    s.setString(9, m.reason());
                    Jdbc.setInstant(s, 10, m.ts());
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
                "select * from messages where channel = ? and decision <> 'block' order by id desc"
                        + " fetch first ? rows only",
                s -> {
                    s.setString(1, channel);
                    s.setInt(2, limit);
                },
                this::map));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private ChatPosted map(ResultSet row) throws SQLException {
        String categories = row.getString("categories");
        return new ChatPosted(
                row.getLong("id"),
                row.getString("username"),
                row.getString("body"),
                row.getBoolean("toxic"),
                row.getDouble("score"),
                Jdbc.instant(row, "created_at"),
                row.getString("channel"),
                categories == null ? null : read(categories),
                "block".equals(row.getString("decision")),
                false,
                row.getString("reason"),
                null,
                false);
    }

    private static String decision(ChatPosted m) {
        if (m.blocked()) {
            return "block";
        }
        return m.toxic() ? "flag" : "allow";
    }

    private String write(Map<String, Double> categories) {
        try {
            return mapper.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Double> read(String json) {
        try {
            return mapper.readValue(json, CATEGORIES);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
