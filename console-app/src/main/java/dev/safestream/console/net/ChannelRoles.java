package dev.safestream.console.net;

import java.util.List;
import java.util.Locale;

/** Who owns a channel and who moderates it ({@code GET /api/channels}); owner null: the admins'. */
public record ChannelRoles(String channel, String owner, List<String> moderators) {
    public ChannelRoles {
        moderators = List.copyOf(moderators);
    }

    public boolean isOwner(String username) {
        return owner != null && owner.equalsIgnoreCase(username);
    }

    public boolean isModerator(String username) {
        return moderators.contains(username.toLowerCase(Locale.ROOT));
    }
}
