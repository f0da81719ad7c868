package dev.safestream.console.net;

/** Where the moderator stream stands. */
public enum ConnectionStatus {
    CONNECTING,
    CONNECTED,
    /** The connection dropped; the client retries with backoff and resubscribes. */
    RECONNECTING,
    /** Kicked, banned or closed on purpose: no retry. */
    CLOSED,
    /** The server refused the token (expired or revoked): log in again. */
    AUTH_EXPIRED
}
