package dev.safestream.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.net.ServerException;
import dev.safestream.console.net.Session;
import dev.safestream.console.ui.UiExecutor;
import java.time.Instant;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/safestream/console-test/" + UUID.randomUUID());
    private final FakeServerClient client = new FakeServerClient();

    @AfterEach
    void clean() throws Exception {
        prefs.removeNode();
    }

    @Test
    void rememberServerAndUsernameButNeverThePassword() {
        LoginViewModel login = new LoginViewModel(uri -> client, UiExecutor.direct(), prefs);
        login.serverProperty().set("http://127.0.0.1:9000");
        login.usernameProperty().set("mod");
        login.passwordProperty().set("secret");

        assertThat(login.login().join()).isNotNull();

        LoginViewModel next = new LoginViewModel(uri -> client, UiExecutor.direct(), prefs);
        assertThat(next.serverProperty().get()).isEqualTo("http://127.0.0.1:9000");
        assertThat(next.usernameProperty().get()).isEqualTo("mod");
        assertThat(next.passwordProperty().get()).isEmpty();
        assertThat(String.join(",", prefsValues())).doesNotContain("secret");
    }

    @Test
    void viewersAreTurnedAway() {
        client.session = new Session("alice", "viewer", "t", Instant.EPOCH);
        LoginViewModel login = new LoginViewModel(uri -> client, UiExecutor.direct(), prefs);
        login.usernameProperty().set("alice");
        login.passwordProperty().set("pw");

        assertThat(login.login().join()).isNull();
        assertThat(login.errorProperty().get()).isEqualTo("alice is a viewer; the console is for moderators");
        assertThat(client.closed).isTrue();
    }

    @Test
    void wrongPasswordShowsTheServersWords() {
        client.failure = new ServerException(401, "invalid username or password");
        LoginViewModel login = new LoginViewModel(uri -> client, UiExecutor.direct(), prefs);
        login.usernameProperty().set("mod");
        login.passwordProperty().set("nope");

        assertThat(login.login().join()).isNull();
        assertThat(login.errorProperty().get()).isEqualTo("invalid username or password");
    }

    private java.util.List<String> prefsValues() {
        try {
            return java.util.Arrays.stream(prefs.keys())
                    .map(k -> prefs.get(k, ""))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
