package dev.safestream.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.ChannelRoles;
import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.net.Person;
import dev.safestream.console.net.ServerException;
import dev.safestream.console.net.Session;
import dev.safestream.console.ui.UiExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final UiExecutor ui = Runnable::run;

    private PeopleViewModel as(String username, String role) {
        return new PeopleViewModel(client, ui, "main", new Session(username, role, "t", Instant.EPOCH));
    }

    @Test
    void anAdminSeesEveryAccountWithItsRoleInThisChannel() {
        client.channels = new ArrayList<>(List.of(new ChannelRoles("main", "sam", List.of("kim"))));
        client.people = List.of(
                new Person("sam", "streamer", false, List.of("main"), List.of()),
                new Person("kim", "viewer", false, List.of(), List.of("main")),
                new Person("lou", "viewer", true, List.of(), List.of()));
        PeopleViewModel vm = as("admin", "admin");
        vm.load().join();
        assertThat(vm.rows())
                .containsExactly(
                        new PeopleViewModel.Row("sam", "streamer", "owner", false),
                        new PeopleViewModel.Row("kim", "viewer", "moderator", false),
                        new PeopleViewModel.Row("lou", "viewer", "", true));
        assertThat(vm.mayAppointProperty().get()).isTrue();
        assertThat(vm.isAdmin()).isTrue();
    }

    @Test
    void theOwnerSeesTheModeratorsAndMayAppointButNothingMore() {
        client.channels = new ArrayList<>(List.of(new ChannelRoles("main", "sam", List.of("kim"))));
        PeopleViewModel vm = as("sam", "streamer");
        vm.load().join();
        assertThat(vm.rows()).containsExactly(new PeopleViewModel.Row("kim", "", "moderator", false));
        assertThat(vm.mayAppointProperty().get()).isTrue();
        assertThat(vm.isAdmin()).isFalse();

        vm.targetProperty().set("lou");
        vm.appoint().join();
        assertThat(client.accountChanges).containsExactly("appoint lou main");
        assertThat(vm.rows()).extracting(PeopleViewModel.Row::username).containsExactly("kim", "lou");
        assertThat(vm.statusProperty().get()).isEqualTo("lou now moderates #main");
    }

    @Test
    void aChannelModeratorMayNotAppoint() {
        client.channels = new ArrayList<>(List.of(new ChannelRoles("main", "sam", List.of("kim"))));
        PeopleViewModel vm = as("kim", "viewer");
        vm.load().join();
        assertThat(vm.mayAppointProperty().get()).isFalse();
    }

    @Test
    void aResetShowsTheTemporaryPasswordAndRefusalsSayWhy() {
        client.channels = new ArrayList<>(List.of(new ChannelRoles("main", null, List.of())));
        PeopleViewModel vm = as("admin", "admin");
        vm.targetProperty().set("lou");
        vm.resetPassword().join();
        assertThat(vm.statusProperty().get()).contains("temp-lou").contains("must change it");

        client.failure = new ServerException(403, "You cannot disable your own account");
        vm.targetProperty().set("admin");
        vm.setDisabled(true).join();
        assertThat(vm.statusProperty().get()).isEqualTo("You cannot disable your own account");
    }

    @Test
    void nothingHappensWithoutSomeoneChosen() {
        PeopleViewModel vm = as("admin", "admin");
        vm.setRole("admin").join();
        assertThat(client.accountChanges).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("choose someone first");
    }
}
