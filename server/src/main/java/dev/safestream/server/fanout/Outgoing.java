package dev.safestream.server.fanout;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.ServerEvent;
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
    /** The chat message this event shows ({@link ChatPosted#id()}), or 0: what a {@link Removal} matches. */
    private final long messageId;

    private final String author;
    private volatile Object wire;

    public Outgoing(String json) {
        this(json, null, 0, null);
    }

    private Outgoing(String json, EventId id, long messageId, String author) {
        this.json = json;
        this.id = id;
        this.messageId = messageId;
        this.author = author;
    }

    /** {@code event}, encoded as {@code json}; a chat message remembers its id and author for {@link Removal}. */
    public static Outgoing of(ServerEvent event, String json) {
        return event instanceof ChatPosted chat ? new Outgoing(json, null, chat.id(), chat.user()) : new Outgoing(json);
    }

    /** The same event with its id, {@code {"event_id":"…",…}}; {@code json} must be a JSON object. */
    public static Outgoing withId(String json, EventId id) {
        return new Outgoing(numbered(json, id), id, 0, null);
    }

    /** This event with its id, {@code {"event_id":"…",…}}, still knowing the chat message it shows. */
    public Outgoing withId(EventId eventId) {
        return new Outgoing(numbered(json, eventId), eventId, messageId, author);
    }

    private static String numbered(String json, EventId id) {
        if (json.length() < 2 || json.charAt(0) != '{') {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        String rest = json.substring(1);
        String separator = rest.startsWith("}") ? "" : ",";
        return "{\"event_id\":\"" + id + "\"" + separator + rest;
    }

    /** The chat message this event shows, or 0. */
    public long messageId() {
        return messageId;
    }

    /** The author of the chat message this event shows, or null. */
    public String author() {
        return author;
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
