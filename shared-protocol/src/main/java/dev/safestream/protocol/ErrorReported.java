package dev.safestream.protocol;

/**
 * A client's frame was refused: {@code {"type":"error","error":"rate_limited","detail":"..."}}. The connection stays
 * open unless the client keeps abusing it.
 *
 * @param error stable machine-readable code, see {@link ProtocolException.Kind} and {@link #RATE_LIMITED} etc.
 * @param detail human-readable explanation
 */
public record ErrorReported(String error, String detail) implements ServerEvent {
    /** Too many messages in a short time. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The message is empty or longer than the server allows. */
    public static final String INVALID_MESSAGE = "invalid_message";
    /** The account may watch but not chat (guest tokens). */
    public static final String FORBIDDEN = "forbidden";
    /** The server is overloaded and did not accept the message; the client may retry. */
    public static final String OVERLOADED = "overloaded";
}
