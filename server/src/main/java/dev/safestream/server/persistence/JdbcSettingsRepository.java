package dev.safestream.server.persistence;

import dev.safestream.server.fanout.SettingsRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Key/value settings in the {@code settings} table. */
public final class JdbcSettingsRepository implements SettingsRepository {
    private final Jdbc jdbc;

    public JdbcSettingsRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public Optional<String> get(String key) {
        return jdbc
                .query(
                        "select setting_value from settings where name = ?",
                        s -> s.setString(1, key),
                        r -> r.getString(1))
                .stream()
                .findFirst();
    }

    @Override
    public void put(String key, String value) {
        jdbc.inTransaction(c -> {
            try (var delete = c.prepareStatement("delete from settings where name = ?");
                    var insert = c.prepareStatement("insert into settings (name, setting_value) values (?, ?)")) {
                delete.setString(1, key);
                delete.executeUpdate();
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, String> findByPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        // the table holds a handful of rows: filtering here keeps the SQL free of LIKE-escaping differences
        jdbc
                .query(
                        "select name, setting_value from settings order by name",
                        s -> {},
                        r -> Map.entry(r.getString(1), r.getString(2)))
                .stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
