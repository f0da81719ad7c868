package dev.safestream.console.charts;

import dev.safestream.protocol.GiftSent;
import dev.safestream.protocol.MetricsPublished;
import dev.safestream.protocol.ServerEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The figures across the top of the console: viewers and gifts from the server's {@code metrics} pushes, messages per
 * minute and toxic share from {@link ChatStats}, top gifters and a gift feed from {@code gift} events. The held count
 * is bound by the caller to the review queue's size.
 *
 * <p>Threads: UI thread only.
 */
public final class TilesViewModel {
    private static final int GIFT_FEED = 50;

    private final ChatStats stats;
    private final IntegerProperty viewers = new SimpleIntegerProperty();
    private final LongProperty gifts = new SimpleLongProperty();
    private final IntegerProperty messagesPerMinute = new SimpleIntegerProperty();
    private final DoubleProperty toxicPercent = new SimpleDoubleProperty();
    private final IntegerProperty held = new SimpleIntegerProperty();
    private final StringProperty topGifters = new SimpleStringProperty("—");
    private final ObservableList<GiftSent> giftFeed = FXCollections.observableArrayList();
    private final Map<String, Long> coinsBySender = new HashMap<>();

    public TilesViewModel(ChatStats stats) {
        this.stats = stats;
    }

    public void apply(List<ServerEvent> events) {
        boolean giftsChanged = false;
        for (ServerEvent e : events) {
            switch (e) {
                case MetricsPublished m -> {
                    viewers.set(m.viewerCount());
                    gifts.set(m.giftCount());
                }
                case GiftSent g -> {
                    if (!g.simulated()) { // the simulator's gifts are shown in the feed, never counted
                        coinsBySender.merge(g.from(), Math.max(g.coins(), g.amount()), Long::sum);
                        gifts.set(gifts.get() + 1); // the next metrics push replaces it with the server's count
                    }
                    giftFeed.addFirst(g);
                    if (giftFeed.size() > GIFT_FEED) {
                        giftFeed.remove(GIFT_FEED, giftFeed.size());
                    }
                    giftsChanged = true;
                }
                default -> {}
            }
        }
        if (giftsChanged) {
            topGifters.set(topGifters(3));
        }
        refresh();
    }

    /** Re-reads the rolling figures (the charts' timer calls this every second). */
    public void refresh() {
        messagesPerMinute.set(stats.messagesLastMinute());
        toxicPercent.set(stats.toxicPercent());
    }

    String topGifters(int n) {
        List<String> top = coinsBySender.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(en -> en.getKey() + " " + en.getValue())
                .toList();
        return top.isEmpty() ? "—" : String.join(", ", top);
    }

    public IntegerProperty viewersProperty() {
        return viewers;
    }

    public LongProperty giftsProperty() {
        return gifts;
    }

    public IntegerProperty messagesPerMinuteProperty() {
        return messagesPerMinute;
    }

    public DoubleProperty toxicPercentProperty() {
        return toxicPercent;
    }

    public IntegerProperty heldProperty() {
        return held;
    }

    public StringProperty topGiftersProperty() {
        return topGifters;
    }

    public ObservableList<GiftSent> giftFeed() {
        return giftFeed;
    }
}
