package dev.safestream.server.limits;

import java.util.Locale;

/** Every limit a client can run into; the lower-case name is the {@code limit} tag of the rejection meter. */
public enum Limit {
    /** All WebSocket connections (MAX_CONNECTIONS), less the share held back for moderators. */
    CONNECTIONS_SERVER,
    /** WebSocket connections of one account or guest token (MAX_CONNECTIONS_PER_USER). */
    CONNECTIONS_PER_USER,
    /** WebSocket connections from one client address (MAX_CONNECTIONS_PER_ADDRESS). */
    CONNECTIONS_PER_ADDRESS,
    /** An incoming WebSocket frame larger than MAX_FRAME_BYTES. */
    FRAME_SIZE,
    /** A WebSocket frame from a client without a mask (close 1002, RFC 6455 §5.1). */
    UNMASKED_FRAME,
    /** WebSocket pings beyond CLIENT_PINGS_PER_SECOND (close 4029). */
    CLIENT_PINGS,
    /** A pinging client with more than OUTBOX_MAX_BYTES of pongs and frames unread (close 4008). */
    UNREAD_PONGS,
    /** Open connections from one address beyond MAX_HTTP_CONNECTIONS_PER_ADDRESS (closed as accepted). */
    HTTP_CONNECTIONS_PER_ADDRESS,
    /** A request head not whole within HTTP_HEADER_TIMEOUT_SECS (the connection is closed). */
    HTTP_HEADER_TIMEOUT,
    /** An HTTP request body larger than MAX_REQUEST_BYTES. */
    REQUEST_BODY,
    /** A request with both Content-Length and Transfer-Encoding (request smuggling). */
    AMBIGUOUS_REQUEST_LENGTH,
    /** Failed logins from one address (LOGIN_FAILURES_PER_ADDRESS). */
    LOGIN_PER_ADDRESS,
    /** Failed logins to one account (LOGIN_FAILURES_PER_ACCOUNT). */
    LOGIN_PER_ACCOUNT,
    /** Registrations from one address (REGISTRATIONS_PER_ADDRESS_PER_HOUR). */
    REGISTRATIONS_PER_ADDRESS,
    /** Guest tokens from one address (GUEST_TOKENS_PER_MINUTE). */
    GUEST_TOKENS_PER_ADDRESS,
    /** A Prometheus scrape from outside loopback and METRICS_ALLOWED_NETWORKS without METRICS_TOKEN (403). */
    METRICS_ACCESS;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
