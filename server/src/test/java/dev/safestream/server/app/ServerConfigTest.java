package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void clusterModeNeedsASharedJwtSecret() {
        assertThatThrownBy(() -> ServerConfig.builder(Path.of("data"))
                        .with(b -> b.redisUrl = "redis://127.0.0.1:6379")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JWT_SECRET_KEY");
        assertThat(ServerConfig.builder(Path.of("data"))
                        .with(b -> {
                            b.redisUrl = "redis://127.0.0.1:6379";
                            b.jwtSecret = "a-shared-secret-a-shared-secret-0123456789";
                        })
                        .build()
                        .redisUrl())
                .isNotNull();
    }

    @Test
    void catchUpEventsMayBeTurnedOffButNotNegative() {
        assertThat(ServerConfig.builder(Path.of("data"))
                        .with(b -> b.catchUpEvents = 0)
                        .build()
                        .catchUpEvents())
                .isZero();
        assertThatThrownBy(() -> ServerConfig.builder(Path.of("data"))
                        .with(b -> b.catchUpEvents = -1)
                        .build())
                .hasMessageContaining("CATCH_UP_EVENTS");
    }
}
