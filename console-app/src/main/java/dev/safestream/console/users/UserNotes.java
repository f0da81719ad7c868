package dev.safestream.console.users;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/** A moderator's private notes about users, kept on this machine. */
public interface UserNotes {
    String get(String user);

    void put(String user, String note);

    /** Notes in {@link Preferences} (per OS user), keyed by lower-case username. */
    static UserNotes preferences(Preferences node) {
        return new UserNotes() {
            @Override
            public String get(String user) {
                return node.get(user.toLowerCase(java.util.Locale.ROOT), "");
            }

            @Override
            public void put(String user, String note) {
                String key = user.toLowerCase(java.util.Locale.ROOT);
                String value =
                        note == null ? "" : note.substring(0, Math.min(note.length(), Preferences.MAX_VALUE_LENGTH));
                if (value.isBlank()) {
                    node.remove(key);
                } else {
                    node.put(key, value);
                }
            }
        };
    }

    /** Notes in memory, for tests. */
    static UserNotes inMemory() {
        Map<String, String> map = new ConcurrentHashMap<>();
        return new UserNotes() {
            @Override
            public String get(String user) {
                return map.getOrDefault(user.toLowerCase(java.util.Locale.ROOT), "");
            }

            @Override
            public void put(String user, String note) {
                map.put(user.toLowerCase(java.util.Locale.ROOT), note);
            }
        };
    }
}
