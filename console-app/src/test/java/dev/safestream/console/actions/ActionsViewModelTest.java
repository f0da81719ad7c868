package dev.safestream.console.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.net.ServerException;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.ui.UiExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActionsViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final ActionsViewModel actions = new ActionsViewModel(client, UiExecutor.direct(), "main");

    @Test
    void muteUsesThePresetLengthAndReason() {
        actions.reasonProperty().set(" spam ");

        actions.mute("alice", MutePreset.ONE_HOUR).join();

        assertThat(client.actions)
                .containsExactly(new UserAction(UserAction.Kind.MUTE, "alice", "main", Duration.ofHours(1), "spam"));
        assertThat(actions.feedbackProperty().get()).isEqualTo("muted alice");
        assertThat(actions.history()).hasSize(1);
    }

    /** Issue 23: the ban confirmation silently reused the reason left over from the previous action. */
    @Test
    void aReasonIsUsedForOneActionOnly() {
        actions.targetProperty().set("alice");
        actions.reasonProperty().set("spam");
        actions.mute("alice", MutePreset.values()[0]).join();
        assertThat(actions.reasonProperty().get()).isEmpty();
        assertThat(actions.draft(UserAction.Kind.BAN).reason()).isNull();
    }

    /** Issue 24: kick, mute and ban may take the user's messages off every screen too; unban and unmute cannot. */
    @Test
    void clearingMessagesGoesWithKickMuteAndBanOnly() {
        actions.targetProperty().set("mallory");
        actions.clearMessagesProperty().set(true);
        assertThat(actions.draft(UserAction.Kind.UNBAN).clearMessages()).isFalse();
        assertThat(actions.draft(UserAction.Kind.UNMUTE).clearMessages()).isFalse();

        actions.perform(UserAction.Kind.BAN).join();

        assertThat(client.actions).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(UserAction.Kind.BAN);
            assertThat(a.clearMessages()).isTrue();
        });
    }

    @Test
    void aDeletedMessageIsSaidInTheFeedbackAndTheReasonIsUsedOnce() {
        actions.reasonProperty().set("doxxing");

        assertThat(actions.deleteMessage(1234, "alice").join()).isEqualTo("deleted");

        assertThat(client.deletedMessages).containsExactly(1234L);
        assertThat(actions.feedbackProperty().get()).isEqualTo("deleted alice's message for everyone");
        assertThat(actions.reasonProperty().get()).isEmpty();
    }

    /** Issue 23: bans can be timed from the console too; the default stays until lifted. */
    @Test
    void aBanLastsTheChosenLengthOrUntilLifted() {
        actions.targetProperty().set("mallory");
        assertThat(actions.draft(UserAction.Kind.BAN).duration()).isNull();
        actions.banPresetProperty().set(BanPreset.ONE_WEEK);
        assertThat(actions.draft(UserAction.Kind.BAN).duration()).isEqualTo(Duration.ofDays(7));
        assertThat(actions.draft(UserAction.Kind.KICK).duration()).isNull();
    }

    @Test
    void pinningAndUnpinningSayWhatHappened() {
        actions.pin(1234, "alice").join();
        assertThat(client.pinned).isEqualTo(1234L);
        assertThat(actions.feedbackProperty().get()).isEqualTo("pinned alice's message");
        actions.unpin().join();
        assertThat(actions.feedbackProperty().get()).isEqualTo("unpinned");
        actions.unpin().join();
        assertThat(actions.feedbackProperty().get()).isEqualTo("nothing was pinned");
    }

    @Test
    void everyPresetMatchesTheIssue() {
        assertThat(MutePreset.values())
                .extracting(MutePreset::duration)
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(24));
    }

    @Test
    void anActionWithoutTargetIsRefusedWithoutCallingTheServer() {
        actions.perform(UserAction.Kind.BAN).join();

        assertThat(client.actions).isEmpty();
        assertThat(actions.feedbackProperty().get()).isEqualTo("pick a user first");
    }

    @Test
    void onlyKickAndBanAskForConfirmation() {
        assertThat(UserAction.Kind.values())
                .filteredOn(UserAction.Kind::destructive)
                .containsExactly(UserAction.Kind.KICK, UserAction.Kind.BAN);
    }

    @Test
    void aRefusalIsShownAsFeedback() {
        client.failure = new ServerException(403, "moderators cannot ban admins");
        actions.targetProperty().set("admin");

        actions.perform(UserAction.Kind.BAN).join();

        assertThat(actions.feedbackProperty().get()).isEqualTo("ban admin failed: moderators cannot ban admins");
        assertThat(actions.busyProperty().get()).isFalse();
    }

    @Test
    void tooLongAReasonIsRefused() {
        actions.targetProperty().set("bob");
        actions.reasonProperty().set("x".repeat(501));

        assertThat(actions.validate(UserAction.Kind.KICK)).contains("reason must be at most 500 characters");
    }
}
