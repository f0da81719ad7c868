package dev.safestream.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.rest.ActiveSanction;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SanctionsViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final UiExecutor ui = Runnable::run;
    private final SanctionsViewModel vm = new SanctionsViewModel(client, ui, "main", ZoneId.of("Europe/Berlin"));

    @Test
    void listsWhatIsInForceWithItsEndInLocalTime() {
        client.sanctions.add(new ActiveSanction("spammer", "ban", null, "raid", "mod1"));
        client.sanctions.add(
                new ActiveSanction("alice", "mute", Instant.parse("2026-12-07T12:10:00Z"), "spam", "automod"));
        vm.load().join();
        assertThat(vm.sanctions()).extracting(ActiveSanction::username).containsExactly("spammer", "alice");
        assertThat(vm.ends(vm.sanctions().get(0))).isEqualTo("until lifted");
        assertThat(vm.ends(vm.sanctions().get(1))).isEqualTo("7 Dec 13:10");
        assertThat(vm.statusProperty().get()).isEqualTo("2 in force");
    }

    @Test
    void liftingABanUnbansAndAMuteUnmutesThenTheListIsReadAgain() {
        client.sanctions.add(new ActiveSanction("spammer", "ban", null, "raid", "mod1"));
        client.sanctions.add(new ActiveSanction("alice", "mute", null, null, "mod1"));
        vm.load().join();
        vm.lift(vm.sanctions().get(0)).join();
        vm.lift(vm.sanctions().get(0)).join();
        assertThat(client.actions)
                .extracting(UserAction::kind, UserAction::username, UserAction::channel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UserAction.Kind.UNBAN, "spammer", "main"),
                        org.assertj.core.groups.Tuple.tuple(UserAction.Kind.UNMUTE, "alice", "main"));
        assertThat(vm.sanctions()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("no bans or mutes in force");
    }
}
