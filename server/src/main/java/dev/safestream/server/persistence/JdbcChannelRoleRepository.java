package dev.safestream.server.persistence;

import dev.safestream.server.auth.ChannelRoleRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Channels ({@code channels}) and their moderators ({@code channel_moderators}). */
public final class JdbcChannelRoleRepository implements ChannelRoleRepository {
    private final Jdbc jdbc;

    public JdbcChannelRoleRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public List<ChannelRoles> all() {
        Map<String, String> owners = new LinkedHashMap<>();
        jdbc.query("select name, owner_key from channels order by name", s -> {}, r -> {
            owners.put(r.getString("name"), r.getString("owner_key"));
            return null;
        });
        Map<String, Set<String>> moderators = new HashMap<>();
        jdbc.query("select channel, username_key from channel_moderators", s -> {}, r -> {
            moderators
                    .computeIfAbsent(r.getString("channel"), c -> new HashSet<>())
                    .add(r.getString("username_key"));
            return null;
        });
        List<ChannelRoles> out = new ArrayList<>();
        owners.forEach((name, owner) ->
                out.add(new ChannelRoles(name, owner, Set.copyOf(moderators.getOrDefault(name, Set.of())))));
        return out;
    }

    @Override
    public boolean create(String channel, String ownerKey, Instant at) {
        return jdbc.insertUnlessDuplicate("insert into channels (name, owner_key, created_at) values (?, ?, ?)", s -> {
            s.setString(1, channel);
            s.setString(2, ownerKey);
            Jdbc.setInstant(s, 3, at);
        });
    }

    @Override
    public void setOwner(String channel, String ownerKey) {
        jdbc.update("update channels set owner_key = ? where name = ?", s -> {
            s.setString(1, ownerKey);
            s.setString(2, channel);
        });
    }

    @Override
    public boolean addModerator(String channel, String userKey, String appointedBy, Instant at) {
        return jdbc.insertUnlessDuplicate(
                "insert into channel_moderators (channel, username_key, appointed_by, created_at) values (?, ?, ?, ?)",
                s -> {
                    s.setString(1, channel);
                    s.setString(2, userKey);
                    s.setString(3, appointedBy);
                    Jdbc.setInstant(s, 4, at);
                });
    }

    @Override
    public boolean removeModerator(String channel, String userKey) {
        return jdbc.update("delete from channel_moderators where channel = ? and username_key = ?", s -> {
                    s.setString(1, channel);
                    s.setString(2, userKey);
                })
                > 0;
    }
}
