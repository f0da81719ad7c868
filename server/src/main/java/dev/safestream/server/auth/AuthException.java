package dev.safestream.server.auth;

import java.time.Duration;
import java.util.Optional;

/** Authentication or authorization failed. {@link #status()} is the HTTP status the failure maps to. */
public final class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it failed, with the HTTP status each reason maps to. */
    public enum Reason {
        MISSING_TOKEN(401),
        INVALID_TOKEN(401),
        BAD_CREDENTIALS(401),
        FORBIDDEN(403),
        USERNAME_TAKEN(409),
        INVALID_INPUT(400),
        RATE_LIMITED(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    public AuthException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    private AuthException(Reason reason, String detail, Duration retryAfter) {
        super(detail);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** 429 with how long to wait (sent as {@code Retry-After}). */
    public static AuthException rateLimited(String detail, Duration retryAfter) {
        return new AuthException(Reason.RATE_LIMITED, detail, retryAfter);
    }

    /** For 429s: how long until the client may try again; else empty. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @throws AuthException {@code INVALID_INPUT} with {@code problem} as the detail, when there is one */
    public static void requireValid(String problem) {
        if (problem != null) {
            throw new AuthException(Reason.INVALID_INPUT, problem);
        }
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }
}
