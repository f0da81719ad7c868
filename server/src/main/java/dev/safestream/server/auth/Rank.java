package dev.safestream.server.auth;

/**
 * Standing in one channel, lowest first. An action on a user needs a strictly higher rank than the user's in that
 * channel: admin > owner > global moderator > channel moderator > everyone else.
 */
public enum Rank {
    EVERYONE("a user"),
    CHANNEL_MODERATOR("a moderator of this channel"),
    GLOBAL_MODERATOR("a global moderator"),
    OWNER("the channel's owner"),
    ADMIN("an admin");

    private final String description;

    Rank(String description) {
        this.description = description;
    }

    /** How a refusal names it: "a moderator of this channel". */
    public String description() {
        return description;
    }

    public boolean above(Rank other) {
        return compareTo(other) > 0;
    }
}
