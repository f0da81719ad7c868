package dev.safestream.server.chat;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids: increasing, never reused. One node counts in memory from the highest stored id; in cluster mode the
 * nodes share one counter (Redis), so ids stay unique and ordered by when they were handed out.
 */
public interface MessageIds {
    /** Reserves {@code n} consecutive ids and returns the first. Pipeline thread. */
    long reserve(int n);

    /** Counts in memory, starting after {@code highestStored}. */
    static MessageIds inMemory(long highestStored) {
        AtomicLong last = new AtomicLong(highestStored);
        return n -> last.addAndGet(n) - n + 1;
    }
}
