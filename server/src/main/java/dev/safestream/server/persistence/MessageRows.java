package dev.safestream.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.Explanation;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Maps rows of the {@code messages} table to {@link ModeratedMessage} and its JSON columns both ways. */
final class MessageRows {
    private static final TypeReference<Map<String, Double>> CATEGORIES = new TypeReference<>() {};
    static final int MAX_REASON = 1000;

    private final ObjectMapper mapper;

    MessageRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ModeratedMessage message(ResultSet row) throws SQLException {
        String categories = row.getString("categories");
        String explanation = row.getString("explanation");
        Decision decision = Decision.fromWireName(row.getString("decision"));
        Assessment assessment = new Assessment(
                decision,
                row.getBoolean("toxic"),
                row.getDouble("score"),
                categories == null ? Map.of() : read(categories, CATEGORIES, Map.of()),
                explanation == null ? null : read(explanation, new TypeReference<Explanation>() {}, null),
                null);
        return new ModeratedMessage(
                row.getLong("id"),
                row.getString("channel"),
                row.getString("username"),
                row.getString("body"),
                Jdbc.instant(row, "created_at"),
                assessment);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Explanations as JSON; a huge one (a long regex match) keeps its rule and detail but drops its words. */
    String explanation(Explanation e) {
        if (e == null) {
            return null;
        }
        String json = write(e);
        return json.length() <= 8000
                ? json
                : write(new Explanation(
                        e.rule(), e.detail(), null, e.pattern(), e.category(), e.threshold(), e.score()));
    }

    static String reason(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private <T> T read(String json, TypeReference<T> type, T fallback) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }
}
