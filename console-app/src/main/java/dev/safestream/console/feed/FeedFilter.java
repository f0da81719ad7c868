package dev.safestream.console.feed;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the moderator narrowed the feed to; blank fields match everything.
 *
 * @param user exact username (case-insensitive), or blank
 * @param channel exact channel, or blank
 * @param minScore lowest score shown, 0..1
 * @param category only messages scoring in this category, or blank
 * @param search text that must appear in the message or username (case-insensitive), or blank
 * @param onlyActioned only flagged, held and blocked messages
 */
public record FeedFilter(
        String user, String channel, double minScore, String category, String search, boolean onlyActioned)
        implements Predicate<FeedItem> {
    public static final FeedFilter ALL = new FeedFilter("", "", 0, "", "", false);

    @Override
    public boolean test(FeedItem item) {
        if (!blank(user) && !item.user().equalsIgnoreCase(user.strip())) {
            return false;
        }
        if (!blank(channel) && !channel.strip().equalsIgnoreCase(item.channel())) {
            return false;
        }
        if (item.score() < minScore) {
            return false;
        }
        if (!blank(category) && !item.categories().containsKey(category.strip())) {
            return false;
        }
        if (onlyActioned && "allow".equals(item.decision())) {
            return false;
        }
        if (!blank(search)) {
            String needle = search.strip().toLowerCase(Locale.ROOT);
            return item.text().toLowerCase(Locale.ROOT).contains(needle)
                    || item.user().toLowerCase(Locale.ROOT).contains(needle);
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
