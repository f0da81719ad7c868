package dev.safestream.protocol;

/**
 * Joins the parts of one WebSocket text message: {@code java.net.http} hands a long message to
 * {@code WebSocket.Listener.onText} in several parts, the last with {@code last} set. One per socket; the listener's
 * methods are called one at a time, so it needs no lock. Bounded: a message longer than {@code maxChars} is refused
 * (and its remaining parts skipped) instead of growing without end.
 */
public final class TextMessageAssembler {
    /** Room for the largest frame a SafeStream server sends: a catch-up batch of 1,000 events. */
    public static final int DEFAULT_MAX_CHARS = 8 * 1024 * 1024;

    private final int maxChars;
    private final StringBuilder partial = new StringBuilder();
    private boolean skipping;

    public TextMessageAssembler() {
        this(DEFAULT_MAX_CHARS);
    }

    public TextMessageAssembler(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
    }

    /**
     * Adds a part of the current message.
     *
     * @return the whole message when {@code last}, else null
     * @throws ProtocolException when the message grew past the bound (once per message; its later parts are dropped)
     */
    public String add(CharSequence part, boolean last) throws ProtocolException {
        if (skipping) {
            skipping = !last;
            return null;
        }
        if (partial.length() + part.length() > maxChars) {
            partial.setLength(0);
            skipping = !last;
            throw new ProtocolException(
                    ProtocolException.Kind.INVALID_MESSAGE,
                    "a text message longer than " + maxChars + " characters",
                    null);
        }
        if (last && partial.isEmpty()) {
            return part.toString();
        }
        partial.append(part);
        if (!last) {
            return null;
        }
        String message = partial.toString();
        partial.setLength(0);
        return message;
    }
}
