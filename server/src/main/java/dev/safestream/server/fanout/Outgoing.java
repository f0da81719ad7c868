package dev.safestream.server.fanout;

import java.util.function.Function;

/**
 * One event on its way to one or many connections, encoded to JSON once. A transport may attach its wire form (for
 * WebSockets, the complete frame) once with {@link #wire}; every connection that receives the same event then shares
 * it, so fan-out costs no per-connection encoding. Immutable apart from that cache; safe to share across threads.
 *
 * <p>Events a reconnecting client can catch up on carry an {@link EventId}, also written into the JSON as its first
 * field, {@code "event_id"}.
 */
public final class Outgoing {
    private final String json;
    private final EventId id;
    private volatile Object wire;

    public Outgoing(String json) {
        this(json, null);
    }

    private Outgoing(String json, EventId id) {
        this.json = json;
        this.id = id;
    }

    /** The same event with its id, {@code {"event_id":"…",…}}; {@code json} must be a JSON object. */
    public static Outgoing withId(String json, EventId id) {
        if (json.length() < 2 || json.charAt(0) != '{') {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        String rest = json.substring(1);
        String separator = rest.startsWith("}") ? "" : ",";
        return new Outgoing("{\"event_id\":\"" + id + "\"" + separator + rest, id);
    }

    public String json() {
        return json;
    }

    /** The id a reconnecting client may pass as {@code since}; null for events that are not replayed. */
    public EventId id() {
        return id;
    }

    /**
     * The transport's encoding of {@link #json}, computed on first use and then shared. Two threads may both compute
     * it the first time; the encoding is a pure function of the JSON, so either result serves.
     */
    @SuppressWarnings("unchecked")
    public <T> T wire(Function<String, T> encode) {
        Object w = wire;
        if (w == null) {
            w = encode.apply(json);
            wire = w;
        }
        return (T) w;
    }
}
