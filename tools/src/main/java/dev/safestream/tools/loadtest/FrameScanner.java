package dev.safestream.tools.loadtest;

/**
 * Finds the events in a server frame without a JSON parse: the load tool's hot path, run once per received frame.
 *
 * <p>A frame is one event object or, on batched connections, a JSON array of them. Every event starts a new
 * {@code "type":"..."} member, and that exact text (unescaped quotes) cannot occur inside a JSON string, so the frame
 * is cut at each occurrence and each piece is one event. This relies on the compact JSON both SafeStream (Jackson) and
 * the Node peer ({@code JSON.stringify}) write, with {@code type} before {@code message}.
 *
 * <p>Load-test messages are {@code lt <sender> <seq> <sendNanos>}, optionally followed by a space and chat text, where {@code sendNanos} is the sender's
 * {@link System#nanoTime()}; sender and receivers share one JVM, so receive time minus that is end-to-end latency.
 */
final class FrameScanner {
    /** Start of every load-test chat message. */
    static final String MARKER = "lt ";

    private static final String ANY_TYPE = "\"type\":\"";
    private static final String CHAT = "\"type\":\"chat\"";
    private static final String ERROR = "\"type\":\"error\"";
    private static final String WELCOME = "\"type\":\"welcome\"";
    private static final String MESSAGE = "\"message\":\"";

    /** What a frame held, one call per event, in frame order. */
    interface Events {
        /** A load-test chat message. */
        void loadMessage(int sender, long seq, long sentNanos);

        /** A chat event that is not a load-test message (another client, a malformed marker). */
        void otherChat();

        /** An {@code error} event (rate limited, overloaded, ...). */
        void error();

        /** The {@code welcome} event that opens every session. */
        void welcome();
    }

    private FrameScanner() {}

    /** The text a sender posts. */
    static String message(int sender, long seq, long sentNanos) {
        return MARKER + sender + ' ' + seq + ' ' + sentNanos;
    }

    /** The client frame that posts {@link #message}. */
    static String chatCommand(int sender, long seq, long sentNanos) {
        return chatCommand(sender, seq, sentNanos, "");
    }

    /** The client frame that posts {@link #message} followed by a space and {@code text} (when not empty). */
    static String chatCommand(int sender, long seq, long sentNanos, String text) {
        String message = message(sender, seq, sentNanos) + (text.isEmpty() ? "" : " " + text);
        return "{\"type\":\"chat\",\"message\":\"" + escape(message) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Reports every event of {@code frame} to {@code events}; unknown event types are skipped. */
    static void scan(CharSequence frame, Events events) {
        int at = indexOf(frame, ANY_TYPE, 0);
        while (at >= 0) {
            int next = indexOf(frame, ANY_TYPE, at + ANY_TYPE.length());
            int end = next < 0 ? frame.length() : next;
            if (startsWith(frame, at, CHAT)) {
                chat(frame, at + CHAT.length(), end, events);
            } else if (startsWith(frame, at, ERROR)) {
                events.error();
            } else if (startsWith(frame, at, WELCOME)) {
                events.welcome();
            }
            at = next;
        }
    }

    /** The chat event whose fields lie in {@code [from, end)}. */
    private static void chat(CharSequence frame, int from, int end, Events events) {
        int field = indexOf(frame, MESSAGE, from);
        if (field < 0 || field >= end) {
            events.otherChat();
            return;
        }
        int p = field + MESSAGE.length();
        if (!startsWith(frame, p, MARKER)) {
            events.otherChat();
            return;
        }
        p += MARKER.length();
        // sender, seq and sendNanos, separated by one space, then the closing quote
        long[] numbers = new long[3];
        for (int n = 0; n < 3; n++) {
            boolean negative = p < end && frame.charAt(p) == '-';
            if (negative) {
                p++;
            }
            int digitsStart = p;
            long value = 0;
            while (p < end && p - digitsStart < 19) {
                char c = frame.charAt(p);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                p++;
            }
            char next = p < end ? frame.charAt(p) : 0;
            boolean separated = n < 2 ? next == ' ' : next == '"' || next == ' '; // text may follow the stamp
            if (p == digitsStart || p >= end || !separated) {
                events.otherChat();
                return;
            }
            numbers[n] = negative ? -value : value;
            p++;
        }
        if (numbers[0] < 0 || numbers[0] > Integer.MAX_VALUE || numbers[1] < 0) {
            events.otherChat();
            return;
        }
        events.loadMessage((int) numbers[0], numbers[1], numbers[2]);
    }

    static int indexOf(CharSequence text, String pattern, int from) {
        char first = pattern.charAt(0);
        int last = text.length() - pattern.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (text.charAt(i) == first && startsWith(text, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at < 0 || at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
