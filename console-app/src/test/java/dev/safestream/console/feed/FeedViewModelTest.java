package dev.safestream.console.feed;

import static dev.safestream.console.feed.Events.chat;
import static dev.safestream.console.feed.Events.decided;
import static dev.safestream.console.feed.Events.held;
import static dev.safestream.console.feed.Events.moderated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeedViewModelTest {
    private final FeedViewModel feed = new FeedViewModel(100);

    @Test
    void moderatedAndChatForTheSameMessageMakeOneRow() {
        feed.apply(List.of(moderated(1, "alice", "hi", 0.01, "allow"), chat(1, "alice", "hi", 0.01)));

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.items().getFirst().decision()).isEqualTo("allow");
    }

    @Test
    void blockedAndHeldMessagesAreShownToModeratorsAndMarkedHidden() {
        feed.apply(List.of(
                moderated(1, "mallory", "you idiot", 0.97, "block"),
                held(2, "bob", "hmm"),
                moderated(3, "a", "ok", 0, "allow")));

        assertThat(feed.items()).extracting(FeedItem::hiddenFromViewers).containsExactly(true, true, false);
        assertThat(feed.items().getFirst().severity()).isEqualTo("toxic");
        assertThat(feed.items().getFirst().words()).containsExactly("idiot");
    }

    @Test
    void aReviewDecisionUpdatesTheHeldRow() {
        feed.apply(List.of(moderated(2, "bob", "hmm", 0.45, "hold"), held(2, "bob", "hmm")));
        feed.apply(List.of(decided(2, "mod1", "approve", "approved")));

        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.review()).isEqualTo("approved");
            assertThat(i.hiddenFromViewers()).isFalse();
        });
    }

    @Test
    void aDeletedMessageAndAClearedUsersMessagesStayInTheFeedMarked() {
        feed.apply(List.of(
                moderated(1, "alice", "doxx", 0.2, "allow"),
                moderated(2, "mallory", "spam one", 0.1, "allow"),
                moderated(3, "mallory", "spam two", 0.1, "allow"),
                moderated(4, "bob", "fine", 0.0, "allow")));
        feed.apply(List.of(
                new dev.safestream.protocol.MessageDeleted(1, "main", "mod1"),
                new dev.safestream.protocol.MessagesCleared("main", "mallory")));
        // a late moderated copy of a deleted message keeps the mark
        feed.apply(List.of(moderated(1, "alice", "doxx", 0.2, "allow")));

        assertThat(feed.items())
                .extracting(FeedItem::deletedBy)
                .containsExactly("mod1", "a moderator", "a moderator", null);
        assertThat(feed.items()).extracting(FeedItem::text).contains("doxx", "spam one");
    }

    @Test
    void historyIsBoundedDroppingTheOldest() {
        feed.apply(IntStream.rangeClosed(1, 250)
                .mapToObj(i -> (dev.safestream.protocol.ServerEvent) moderated(i, "u", "m" + i, 0, "allow"))
                .toList());

        assertThat(feed.items()).hasSize(100);
        assertThat(feed.items().getFirst().id()).isEqualTo(151);
        assertThat(feed.find(1)).isNull();
    }

    @Test
    void pausedFeedCountsNewMessagesAndAppendsThemOnResume() {
        feed.apply(List.of(moderated(1, "a", "one", 0, "allow")));
        feed.pausedProperty().set(true);
        feed.apply(List.of(moderated(2, "b", "two", 0, "allow"), moderated(3, "c", "three", 0, "allow")));

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.newWhilePausedProperty().get()).isEqualTo(2);

        feed.pausedProperty().set(false);

        assertThat(feed.items()).extracting(FeedItem::id).containsExactly(1L, 2L, 3L);
        assertThat(feed.newWhilePausedProperty().get()).isZero();
    }

    @Test
    void filterNarrowsByUserScoreCategoryAndSearch() {
        feed.apply(List.of(
                moderated(1, "alice", "hello there", 0.01, "allow"),
                moderated(2, "bob", "you idiot", 0.8, "flag"),
                moderated(3, "alice", "idiot again", 0.7, "flag")));

        feed.filterProperty().set(new FeedFilter("alice", "", 0, "", "", false));
        assertThat(feed.visible()).extracting(FeedItem::id).containsExactly(1L, 3L);

        feed.filterProperty().set(new FeedFilter("", "", 0.75, "", "", false));
        assertThat(feed.visible()).extracting(FeedItem::id).containsExactly(2L);

        feed.filterProperty().set(new FeedFilter("", "main", 0, "insult", "again", true));
        assertThat(feed.visible()).extracting(FeedItem::id).containsExactly(3L);
    }

    @Test
    void userHistoryIsNewestFirst() {
        feed.apply(List.of(
                moderated(1, "alice", "a", 0, "allow"),
                moderated(2, "bob", "b", 0, "allow"),
                moderated(3, "Alice", "c", 0, "allow")));

        assertThat(feed.byUser("alice", 10)).extracting(FeedItem::id).containsExactly(3L, 1L);
    }
}
