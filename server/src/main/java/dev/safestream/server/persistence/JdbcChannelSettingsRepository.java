package dev.safestream.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.fanout.ChannelSettingsRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Channel moderation settings as JSON in the {@code channel_moderation} table, one row per channel. */
public final class JdbcChannelSettingsRepository implements ChannelSettingsRepository {
    private static final Logger log = LoggerFactory.getLogger(JdbcChannelSettingsRepository.class);

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;

    public JdbcChannelSettingsRepository(Database database, ObjectMapper mapper, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Map<String, ModerationSettings> all() {
        List<Map.Entry<String, String>> rows = jdbc.query(
                "select channel, settings from channel_moderation",
                s -> {},
                r -> Map.entry(r.getString(1), r.getString(2)));
        Map<String, ModerationSettings> out = new HashMap<>();
        for (Map.Entry<String, String> row : rows) {
            try {
                out.put(row.getKey(), mapper.readValue(row.getValue(), ModerationSettings.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                log.warn("Ignoring stored moderation settings of channel {}: {}", row.getKey(), e.getMessage());
            }
        }
        return out;
    }

    @Override
    public void save(String channel, ModerationSettings settings) {
        String json;
        try {
            json = mapper.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.inTransaction(c -> {
            try (var delete = c.prepareStatement("delete from channel_moderation where channel = ?");
                    var insert = c.prepareStatement(
                            "insert into channel_moderation (channel, settings, updated_at) values (?, ?, ?)")) {
                delete.setString(1, channel);
                delete.executeUpdate();
                insert.setString(1, channel);
                insert.setString(2, json);
                Jdbc.setInstant(insert, 3, clock.instant());
                insert.executeUpdate();
            }
            return null;
        });
    }
}
