package dev.safestream.console.charts;

import dev.safestream.protocol.MessageModerated;
import dev.safestream.protocol.ServerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolling figures over the last {@link #WINDOW} of the moderator stream, in {@link #BUCKET} buckets: toxic share,
 * messages per minute, categories of actioned messages and the score histogram. Recording is O(1) and snapshots are
 * O(buckets), so charts can redraw every second for free. Time comes from the injected {@link Clock}.
 *
 * <p>Threads: UI thread only.
 */
public final class ChatStats {
    public static final Duration BUCKET = Duration.ofSeconds(10);
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final int HISTOGRAM_BINS = 10;

    private final Clock clock;
    private final Deque<Bucket> buckets = new ArrayDeque<>();

    public ChatStats(Clock clock) {
        this.clock = clock;
    }

    /** Counts every {@code moderated} event of a batch. */
    public void apply(List<ServerEvent> events) {
        for (ServerEvent e : events) {
            if (e instanceof MessageModerated m) {
                record(m);
            }
        }
    }

    void record(MessageModerated m) {
        Bucket b = current();
        b.messages++;
        boolean actioned = !MessageModerated.ALLOW.equals(m.decision());
        if (m.toxic() || actioned) {
            b.toxic++;
            String category = top(m.categories());
            b.categories.merge(category == null ? "rule" : category, 1, Integer::sum);
        }
        int bin = Math.min(HISTOGRAM_BINS - 1, (int) Math.floor(Math.max(0, m.score()) * HISTOGRAM_BINS));
        b.histogram[bin]++;
    }

    private static String top(Map<String, Double> categories) {
        if (categories == null || categories.isEmpty()) {
            return null;
        }
        return categories.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private Bucket current() {
        Instant start = bucketStart(clock.instant());
        evict(start);
        Bucket last = buckets.peekLast();
        if (last == null || !last.start.equals(start)) {
            last = new Bucket(start);
            buckets.addLast(last);
        }
        return last;
    }

    private void evict(Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!buckets.isEmpty() && !buckets.peekFirst().start.isAfter(oldest)) {
            buckets.removeFirst();
        }
    }

    private static Instant bucketStart(Instant t) {
        long ms = BUCKET.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    /** Per bucket in the window, oldest first: start, messages, toxic share in percent. */
    public List<Point> series() {
        evict(bucketStart(clock.instant()));
        List<Point> out = new ArrayList<>();
        for (Bucket b : buckets) {
            out.add(new Point(b.start, b.messages, b.messages == 0 ? 0 : 100.0 * b.toxic / b.messages));
        }
        return out;
    }

    /** Messages in the last minute. */
    public int messagesLastMinute() {
        Instant since = bucketStart(clock.instant()).minus(Duration.ofMinutes(1));
        int n = 0;
        for (Bucket b : buckets) {
            if (b.start.isAfter(since)) {
                n += b.messages;
            }
        }
        return n;
    }

    /** Toxic share of the whole window, in percent. */
    public double toxicPercent() {
        long all = 0;
        long toxic = 0;
        for (Bucket b : buckets) {
            all += b.messages;
            toxic += b.toxic;
        }
        return all == 0 ? 0 : 100.0 * toxic / all;
    }

    /** Actioned messages per top category in the window. */
    public Map<String, Integer> categories() {
        Map<String, Integer> out = new TreeMap<>();
        buckets.forEach(b -> b.categories.forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    /** Messages per score decile in the window ({@code [0,0.1)}, ..., {@code [0.9,1]}). */
    public int[] histogram() {
        int[] out = new int[HISTOGRAM_BINS];
        buckets.forEach(b -> {
            for (int i = 0; i < HISTOGRAM_BINS; i++) {
                out[i] += b.histogram[i];
            }
        });
        return out;
    }

    /** One bucket of {@link #series()}. */
    public record Point(Instant start, int messages, double toxicPercent) {}

    private static final class Bucket {
        final Instant start;
        int messages;
        int toxic;
        final Map<String, Integer> categories = new TreeMap<>();
        final int[] histogram = new int[HISTOGRAM_BINS];

        Bucket(Instant start) {
            this.start = start;
        }
    }
}
