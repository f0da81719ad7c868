package dev.safestream.server.chat;

import java.util.function.Function;

/**
 * One event on its way to one or many connections, encoded to JSON once. A transport may attach its wire form (for
 * WebSockets, the complete frame) once with {@link #wire}; every connection that receives the same event then shares
 * it, so fan-out costs no per-connection encoding. Immutable apart from that cache; safe to share across threads.
 */
public final class Outgoing {
    private final String json;
    private volatile Object wire;

    public Outgoing(String json) {
        this.json = json;
    }

    public String json() {
        return json;
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
