package dev.safestream.server.auth;

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

    public AuthException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }
}
