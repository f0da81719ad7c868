package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client's frame was refused: {@code {"type":"error","error":"rate_limited","detail":"..."}}. The connection stays
 * open unless the client keeps abusing it.
 *
 * @param error stable machine-readable code, see {@link ProtocolException.Kind} and {@link #RATE_LIMITED} etc.
 * @param detail human-readable explanation
 * @param retryAfterSeconds for {@link #SLOW_MODE}: seconds to wait before the next message; else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorReported(
        String error,
        String detail,
        @JsonProperty("retry_after_seconds") Long retryAfterSeconds) implements ServerEvent {
    /** Too many messages in a short time. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The message is empty or longer than the server allows. */
    public static final String INVALID_MESSAGE = "invalid_message";
    /** The account may watch but not chat (guest tokens). */
    public static final String FORBIDDEN = "forbidden";
    /** The server is overloaded and did not accept the message; the client may retry. */
    public static final String OVERLOADED = "overloaded";
    /** The server failed on this message and did not send it; resending the same text will fail again. */
    public static final String MESSAGE_FAILED = "message_failed";
    /** The channel is in slow mode and the author must wait {@code retry_after_seconds} before sending again. */
    public static final String SLOW_MODE = "slow_mode";

    /** An error without a retry hint. */
    public ErrorReported(String error, String detail) {
        this(error, detail, null);
    }
}
