package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.app.gifts.GiftOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code serve} configures from its options when the environment sets none of them (issue 23, safe defaults). */
class ServeCommandTest {
    @TempDir
    Path dir;

    private ServerConfig parse(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        new CommandLine(command).parseArgs(all);
        return command.config(env);
    }

    @Test
    void aProductionServerListensEverywhereAndSimulatesNoGifts() {
        ServerConfig config = parse(Map.of());
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.gifts().simulatedInterval()).isEqualTo(Duration.ZERO);
        assertThat(config.demo()).isFalse();
    }

    @Test
    void theDemoStaysOnLoopbackAndSimulatesGifts() {
        ServerConfig config = parse(Map.of(), "--demo");
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.gifts().simulatedInterval()).isEqualTo(GiftOptions.DEMO_INTERVAL);
    }

    @Test
    void anExplicitHostOrGiftIntervalWins() {
        ServerConfig demo = parse(Map.of(), "--demo", "--host", "0.0.0.0", "--gift-interval-secs", "0");
        assertThat(demo.http().host()).isEqualTo("0.0.0.0");
        assertThat(demo.gifts().simulatedInterval()).isEqualTo(Duration.ZERO);
        assertThat(parse(Map.of(), "--gift-interval-secs", "15").gifts().simulatedInterval())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theMetricsTokenComesFromTheEnvironmentOnly() {
        ServerConfig config =
                parse(Map.of("METRICS_TOKEN", "scrape-secret"), "--metrics-allowed-networks", "10.0.0.0/8,192.0.2.1");
        assertThat(config.http().metricsToken()).isEqualTo("scrape-secret");
        assertThat(config.http().metricsAllowedNetworks()).containsExactly("10.0.0.0/8", "192.0.2.1");
        assertThat(parse(Map.of()).http().metricsToken()).isNull();
    }

    @Test
    void theGuestLifetimeTheQueueAndTheSocketTimersAreSettings() {
        ServerConfig config = parse(
                Map.of(),
                "--guest-token-minutes",
                "30",
                "--pipeline-capacity",
                "500",
                "--ping-interval-secs",
                "10",
                "--idle-timeout-secs",
                "25");
        assertThat(config.accounts().guestLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.chat().pipelineCapacity()).isEqualTo(500);
        assertThat(config.websocket().pingInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.websocket().idleTimeout()).isEqualTo(Duration.ofSeconds(25));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--idle-timeout-secs", "0"))
                .hasMessageContaining("IDLE_TIMEOUT_SECS");
    }
}
