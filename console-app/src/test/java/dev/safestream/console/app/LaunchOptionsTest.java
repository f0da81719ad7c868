package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
    void anEmptyPasswordCountsAsNone() {
        LaunchOptions o = LaunchOptions.parse(
                List.of("--server", "http://host:8000", "--user", "m"), Map.of(LaunchOptions.PASSWORD_ENV, ""));

        assertThat(o.password()).isNull();
        assertThat(o.scripted()).isEmpty();
    }

    @Test
    void theChannelDefaultsToMainAndTakesBothSpellings() {
        assertThat(LaunchOptions.parse(List.of(), Map.of())).isEqualTo(new LaunchOptions(null, null, null, "main"));
        assertThat(LaunchOptions.parse(List.of("--channel", "gaming"), Map.of()).channel())
                .isEqualTo("gaming");
        assertThat(LaunchOptions.parse(List.of("--channel=gaming"), Map.of()).channel())
                .isEqualTo("gaming");
    }

    @Test
    void aUserNameStartingWithAtIsANameNotAFile() {
        assertThat(LaunchOptions.parse(List.of("--user", "@pom.xml"), Map.of()).user())
                .isEqualTo("@pom.xml");
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sever", "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --sever")
                .hasMessageContaining("did you mean --server?");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--server"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server");
    }

    @Test
    void versionIsAnsweredWithoutAWindow() {
        assertThat(answer("--version")).hasValue(0);

        assertThat(out.toString().strip()).isEqualTo("safestream-console " + LaunchOptions.version());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void fromClassesTheVersionIsDevelopment() {
        // the shaded jar's manifest gives the real one; see the packaging smoke test
        assertThat(LaunchOptions.version()).isEqualTo("development");
    }

    @Test
    void helpListsEveryOptionAndThePasswordVariable() {
        assertThat(answer("--help")).hasValue(0);

        assertThat(out.toString())
                .startsWith("Usage: safestream-console")
                .contains("--server=URL", "--user=NAME", "--channel=NAME", "--version", "SAFESTREAM_PASSWORD");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadArgumentIsAnsweredOnStderrWithTheUsageAndExitTwo() {
        assertThat(answer("--sever", "http://host:8000")).hasValue(LaunchOptions.USAGE_ERROR);

        assertThat(err.toString())
                .startsWith("safestream-console: unknown option --sever")
                .contains("Usage: safestream-console");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void ordinaryOptionsStartTheConsole() {
        assertThat(answer("--server", "http://host:8000", "--user", "m")).isEmpty();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    private OptionalInt answer(String... args) {
        return LaunchOptions.answerWithoutWindow(List.of(args), new PrintWriter(out), new PrintWriter(err));
    }
}
