package dev.safestream.server.fanout;

/** Who in the channel gets an event. */
public enum Audience {
    EVERYONE,
    MODERATORS,
    /** the connections of one user */
    USER;

    /** Whether events for this audience get an {@link EventId} and are kept for catch-up. */
    public boolean kept() {
        return this != USER;
    }
}
