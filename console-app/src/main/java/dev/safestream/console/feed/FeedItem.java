package dev.safestream.console.feed;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.MessageHeld;
import dev.safestream.protocol.MessageModerated;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One message as the feed shows it. Immutable; a review decision makes a new item with the same id.
 *
 * @param decision {@code allow}, {@code flag}, {@code hold} or {@code block}
 * @param words the words that drove the score, highlighted in the row
 * @param detail the explanation's sentence, or {@code null}
 * @param review the review state of a held message ({@code approved}, {@code highlighted}, {@code rejected}), else
 *     {@code null}
 * @param deletedBy the moderator who took the message back ({@code message_deleted}, {@code messages_cleared}), else
 *     {@code null}
 */
public record FeedItem(
        long id,
        String channel,
        String user,
        String text,
        Instant ts,
        double score,
        String decision,
        Map<String, Double> categories,
        List<String> words,
        String detail,
        String review,
        String deletedBy) {
    public FeedItem {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        words = words == null ? List.of() : List.copyOf(words);
    }

    static FeedItem of(MessageModerated m) {
        return new FeedItem(
                m.id(),
                m.channel(),
                m.user(),
                m.message(),
                m.ts(),
                m.score(),
                m.decision(),
                m.categories(),
                words(m.explanation()),
                detail(m.explanation()),
                null,
                null);
    }

    static FeedItem of(MessageHeld m) {
        return new FeedItem(
                m.id(),
                m.channel(),
                m.user(),
                m.message(),
                m.ts(),
                m.score(),
                MessageModerated.HOLD,
                m.categories(),
                words(m.explanation()),
                detail(m.explanation()),
                null,
                null);
    }

    /**
     * A chat event, until its {@code moderated} event (which carries the categories, words and detail that chat events
     * never do) replaces it.
     */
    static FeedItem of(ChatPosted c) {
        String decision = c.blocked()
                ? MessageModerated.BLOCK
                : c.held() ? MessageModerated.HOLD : c.toxic() ? MessageModerated.FLAG : MessageModerated.ALLOW;
        return new FeedItem(
                c.id(),
                c.channel(),
                c.user(),
                c.message(),
                c.ts(),
                c.score(),
                decision,
                null,
                List.of(),
                null,
                c.highlighted() ? "highlighted" : null,
                null);
    }

    FeedItem reviewed(String state) {
        return new FeedItem(id, channel, user, text, ts, score, decision, categories, words, detail, state, deletedBy);
    }

    /** The same message, taken back by {@code moderator}: struck through in the feed, gone from viewers' screens. */
    FeedItem deleted(String moderator) {
        return new FeedItem(id, channel, user, text, ts, score, decision, categories, words, detail, review, moderator);
    }

    /** This item's news (a newer event about the same message), keeping what the feed already knew. */
    FeedItem mergedInto(FeedItem newer) {
        FeedItem merged = review == null ? newer : newer.reviewed(review);
        return deletedBy == null ? merged : merged.deleted(deletedBy);
    }

    public boolean deleted() {
        return deletedBy != null;
    }

    /** Seen only by moderators: blocked, or held and not yet published. */
    public boolean hiddenFromViewers() {
        return MessageModerated.BLOCK.equals(decision)
                || (MessageModerated.HOLD.equals(decision)
                        && !"approved".equals(review)
                        && !"highlighted".equals(review));
    }

    /** The category with the highest score, or {@code null}. */
    public String topCategory() {
        return categories.entrySet().stream()
                .max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The row's colour band: {@code clean} (below 0.3), {@code warn} (below 0.6) or {@code toxic}. */
    public String severity() {
        if (MessageModerated.BLOCK.equals(decision) || score >= 0.6) {
            return "toxic";
        }
        return score >= 0.3 || MessageModerated.FLAG.equals(decision) ? "warn" : "clean";
    }

    private static List<String> words(Explanation e) {
        return e == null ? List.of() : e.words();
    }

    private static String detail(Explanation e) {
        return e == null ? null : e.detail();
    }
}
