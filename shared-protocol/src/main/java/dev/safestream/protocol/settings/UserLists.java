package dev.safestream.protocol.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Users the channel trusts or refuses, by username (case-insensitive). Allowed users skip moderation entirely (no
 * rules, no slow mode, no model); blocked users' messages are always blocked. Moderators and admins are treated as
 * allowed.
 *
 * @param allowed usernames whose messages skip moderation
 * @param blocked usernames whose messages are always blocked
 */
public record UserLists(List<String> allowed, List<String> blocked) {
    public static final int MAX_USERS = 10_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public UserLists {
        allowed = names("users.allowed", allowed);
        blocked = names("users.blocked", blocked);
        Set<String> allowedKeys = new HashSet<>();
        allowed.forEach(u -> allowedKeys.add(u.toLowerCase(Locale.ROOT)));
        for (String user : blocked) {
            Check.require(
                    !allowedKeys.contains(user.toLowerCase(Locale.ROOT)),
                    "users.allowed and users.blocked both name '" + user + "'");
        }
    }

    public static UserLists none() {
        return new UserLists(List.of(), List.of());
    }

    private static List<String> names(String field, List<String> names) {
        List<String> out =
                Check.list(field, names, MAX_USERS).stream().map(String::strip).toList();
        for (int i = 0; i < out.size(); i++) {
            Check.matches(field + "[" + i + "]", out.get(i), NAME, "a username");
        }
        return out;
    }
}
