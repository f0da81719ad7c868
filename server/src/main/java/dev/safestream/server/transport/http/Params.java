package dev.safestream.server.transport.http;

import dev.safestream.server.fanout.Channels;

/** Request parameter defaults shared by resources. */
final class Params {
    private Params() {}

    /** The channel named in the body, else in the query, else {@code main}. */
    static String channel(String fromBody, String fromQuery) {
        if (fromBody != null && !fromBody.isBlank()) {
            return fromBody;
        }
        return fromQuery == null || fromQuery.isBlank() ? Channels.DEFAULT : fromQuery;
    }

    static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw new IllegalArgumentException("limit must be between 1 and " + max);
        }
        return requested;
    }
}
