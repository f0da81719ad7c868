package dev.safestream.server.fanout;

/**
 * The id of a replayable channel event, as clients see it in {@code event_id} and send back in {@code since=}:
 * {@code "<millis>-<sequence>"}, the form of a Redis stream entry id. Ids of one channel increase in delivery order,
 * on one node and across a cluster (where Redis assigns them), so "everything after the last id I saw" is exact.
 */
public record EventId(long millis, long sequence) implements Comparable<EventId> {

    public EventId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("event ids are not negative");
        }
    }

    /**
     * Parses a client's {@code since}.
     *
     * @throws IllegalArgumentException when it is not {@code <millis>-<sequence>}
     */
    public static EventId parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1 || text.length() > 41 || !asciiDigitsAround(text, dash)) {
            throw new IllegalArgumentException("since must be an event_id like 1764633600000-0");
        }
        try {
            return new EventId(Long.parseLong(text, 0, dash, 10), Long.parseLong(text, dash + 1, text.length(), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("since must be an event_id like 1764633600000-0", e);
        }
    }

    /**
     * Only ASCII digits on either side of the one dash: {@link Long#parseLong} also takes a sign ("+5") and digits of
     * other scripts ("١٢٣", "１２"), which would give one id several spellings.
     */
    private static boolean asciiDigitsAround(String text, int dash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i != dash && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The id after {@code last} at {@code nowMillis}: the clock's millisecond, or the next sequence when it did not move. */
    static EventId next(EventId last, long nowMillis) {
        if (last == null || nowMillis > last.millis) {
            return new EventId(nowMillis, 0);
        }
        return new EventId(last.millis, last.sequence + 1);
    }

    @Override
    public int compareTo(EventId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    public boolean isAfter(EventId other) {
        return other == null || compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
