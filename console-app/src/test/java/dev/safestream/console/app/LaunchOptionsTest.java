package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void serverUserAndPasswordFromTheEnvironmentLogInWithoutTheDialog() {
        LaunchOptions o = LaunchOptions.parse(
                List.of("--server", "http://host:8000", "--user=demo_mod"), Map.of("SAFESTREAM_PASSWORD", "pw"));

        assertThat(o.scripted()).contains(new LaunchOptions(URI.create("http://host:8000"), "demo_mod", "pw", "main"));
    }

    @Test
    void withoutThePasswordTheDialogShows() {
        LaunchOptions o = LaunchOptions.parse(List.of("--server", "http://host:8000", "--user", "m"), Map.of());

        assertThat(o.scripted()).isEmpty();
        assertThat(o.user()).isEqualTo("m");
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sever", "x"), Map.of()))
                .hasMessageContaining("unknown option --sever");
    }
}
