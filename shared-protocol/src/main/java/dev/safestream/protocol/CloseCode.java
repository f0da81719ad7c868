package dev.safestream.protocol;

/**
 * Every WebSocket close code the server uses. 1000–2999 are RFC 6455 codes; 4000–4999 are SafeStream's own (the range
 * RFC 6455 reserves for applications). Clients should not reconnect after {@link #POLICY_VIOLATION}, {@link #KICKED},
 * {@link #BANNED}, {@link #UNKNOWN_CHANNEL} or {@link #ACCOUNT_CHANGED} without user action; after {@link #TRY_AGAIN_LATER}, {@link #SLOW_CONSUMER},
 * {@link #TOO_MANY_CONNECTIONS} and {@link #GOING_AWAY} they may reconnect with backoff.
 */
public enum CloseCode {
    /** Normal close, e.g. the client said goodbye. */
    NORMAL(1000),
    /** Server shutting down. */
    GOING_AWAY(1001),
    /** The client broke the WebSocket protocol, e.g. sent an unmasked frame (RFC 6455 §5.1). */
    PROTOCOL_ERROR(1002),
    /** Token missing, invalid, expired, or issued for another user. */
    POLICY_VIOLATION(1008),
    /** A frame exceeded the maximum frame size. */
    MESSAGE_TOO_BIG(1009),
    /** Unexpected server error. */
    INTERNAL_ERROR(1011),
    /** The server is at its connection limit. */
    TRY_AGAIN_LATER(1013),
    /** A moderator kicked the user; reconnecting is allowed. */
    KICKED(4001),
    /** The user is banned. */
    BANNED(4003),
    /** The channel does not exist (and this server does not create channels on first use). */
    UNKNOWN_CHANNEL(4004),
    /** The client did not read its frames fast enough and its outbox overflowed. */
    SLOW_CONSUMER(4008),
    /**
     * Too many connections for this account or guest token, or from this client address; the client may reconnect
     * with backoff (an old tab may be closing).
     */
    TOO_MANY_CONNECTIONS(4010),
    /**
     * The account changed: an admin changed its role, reset its password or disabled it, or the user changed their
     * password. The token the connection used no longer works; log in again before reconnecting.
     */
    ACCOUNT_CHANGED(4011),
    /**
     * The user's role in this channel changed (appointed or dismissed as its moderator, or the owner changed); the
     * token still works: reconnect at once to get the new role.
     */
    CHANNEL_ROLE_CHANGED(4012),
    /** No frame and no pong from the client for too long. */
    IDLE_TIMEOUT(4009),
    /** The client kept sending invalid frames. */
    ABUSIVE(4029);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The close code for a numeric value, or {@code null} when SafeStream does not use it. */
    public static CloseCode of(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
