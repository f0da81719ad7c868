package dev.safestream.console.users;

import static dev.safestream.console.feed.Events.moderated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.feed.FeedViewModel;
import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.ui.UiExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserCardViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final FeedViewModel feed = new FeedViewModel(100);
    private final UserNotes notes = UserNotes.inMemory();
    private final UserCardViewModel card = new UserCardViewModel(
            client,
            UiExecutor.direct(),
            "main",
            feed,
            notes,
            Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void showsRecentMessagesPastActionsAccountAgeAndNotes() {
        feed.apply(List.of(
                moderated(1, "bob", "hi", 0.01, "allow"),
                moderated(2, "eve", "other", 0, "allow"),
                moderated(3, "bob", "you idiot", 0.8, "flag")));
        client.audit = List.of(
                new AuditRecord("main", "mod1", "mute", "bob", "insult", 600L, Instant.EPOCH),
                new AuditRecord("main", "mod1", "kick", "eve", null, null, Instant.EPOCH));
        notes.put("bob", "warned twice");

        card.show("bob").join();

        assertThat(card.recent()).extracting(FeedItem::id).containsExactly(3L, 1L);
        assertThat(card.actions()).extracting(AuditRecord::action).containsExactly("mute");
        assertThat(card.accountProperty().get()).isEqualTo("viewer · account 3 days old (since 2026-11-18)");
        assertThat(card.noteProperty().get()).isEqualTo("warned twice");
        assertThat(card.summaryProperty().get())
                .isEqualTo("2 recent messages, 1 actioned, mean score 0.41, 1 past actions");
    }

    @Test
    void notesAreSavedPerUser() {
        card.show("carol").join();
        card.noteProperty().set("asks good questions");

        card.saveNote();

        assertThat(notes.get("Carol")).isEqualTo("asks good questions");
    }
}
