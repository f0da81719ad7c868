package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static ServerConfig config(Consumer<ServerOptions> change) {
        ServerOptions options = ServerOptions.defaults();
        options.storage.dataDir = Path.of("data");
        change.accept(options);
        return options.config();
    }

    @Test
    void clusterModeNeedsASharedJwtSecret() {
        assertThatThrownBy(() -> config(b -> b.cluster.redisUrl = "redis://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JWT_SECRET_KEY");
        assertThat(config(b -> {
                            b.cluster.redisUrl = "redis://127.0.0.1:6379";
                            b.accounts.jwtSecret = "a-shared-secret-a-shared-secret-0123456789";
                        })
                        .cluster()
                        .redisUrl())
                .isNotNull();
    }

    @Test
    void catchUpEventsMayBeTurnedOffButNotNegative() {
        assertThat(config(b -> b.chat.catchUpEvents = 0).chat().catchUpEvents()).isZero();
        assertThatThrownBy(() -> config(b -> b.chat.catchUpEvents = -1)).hasMessageContaining("CATCH_UP_EVENTS");
    }

    @Test
    void theDemoBindsLoopbackAndMakesRoomForItsBots() {
        ServerOptions production = ServerOptions.defaults();
        ServerConfig demo = config(b -> b.demo.enabled = true);
        assertThat(demo.http().host()).isEqualTo("127.0.0.1");
        assertThat(demo.websocket().maxPerAddress())
                .isEqualTo(production.websocket.maxConnectionsPerAddress + production.demo.viewers);
        assertThat(demo.accounts().registrationsPerHour())
                .isEqualTo(production.accounts.registrationsPerHour + production.demo.viewers);
    }
}
