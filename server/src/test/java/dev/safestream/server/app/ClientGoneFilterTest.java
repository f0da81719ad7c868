package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ClientGoneFilterTest {
    private final ClientGoneFilter filter = new ClientGoneFilter();
    private final Logger jersey = new LoggerContext().getLogger("org.glassfish.jersey.server.ServerRuntime$Responder");

    private FilterReply decide(Level level, Throwable error) {
        return filter.decide(null, jersey, level, "An I/O error has occurred", null, error);
    }

    @Test
    void aClientThatWentAwayIsNoErrorOfOurs() {
        RuntimeException wrapped = new RuntimeException(
                "mappable", new IOException("Connection is closed", new IOException("Connection reset by peer")));
        assertThat(decide(Level.ERROR, wrapped)).isEqualTo(FilterReply.DENY);
        assertThat(decide(Level.WARN, new UncheckedIOException(new IOException("Broken pipe"))))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherErrorPasses() {
        assertThat(decide(Level.ERROR, new IOException("No space left on device")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, new IllegalStateException("Connection is closed")))
                .as("not an I/O error")
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.INFO, new IOException("Broken pipe"))).isEqualTo(FilterReply.NEUTRAL);
    }
}
