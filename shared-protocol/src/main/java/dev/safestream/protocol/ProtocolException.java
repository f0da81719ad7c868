package dev.safestream.protocol;

/** A frame that is not a valid {@link ClientCommand} (or {@link ServerEvent}). Carries a stable error code. */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a frame was refused; {@link #code()} is what goes into {@link ErrorReported#error()}. */
    public enum Kind {
        MALFORMED_JSON("malformed_json"),
        UNKNOWN_TYPE("unknown_type"),
        INVALID_MESSAGE("invalid_message");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public ProtocolException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The refusal as an event to send back. */
    public ErrorReported toEvent() {
        return new ErrorReported(kind.code(), getMessage());
    }
}
