package dev.safestream.server.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpTest {
    private final Recording connection = new Recording();

    private static Outgoing event(long millis, long seq) {
        return Outgoing.withId("{\"type\":\"chat\",\"n\":\"" + millis + "-" + seq + "\"}", new EventId(millis, seq));
    }

    @Test
    void liveEventsWaitForTheHistoryAndOverlapIsDeliveredOnce() {
        CatchUp catchUp = new CatchUp(connection, new EventId(10, 0), 100);
        assertThat(catchUp.live(event(12, 0))).isTrue();
        assertThat(catchUp.live(new Outgoing("{\"type\":\"pong\"}"))).isTrue();
        assertThat(catchUp.live(event(13, 0))).isTrue();
        assertThat(connection.received).isEmpty();

        catchUp.release(List.of(event(11, 0), event(12, 0)));

        assertThat(connection.received)
                .extracting(Outgoing::json)
                .containsExactly(
                        event(11, 0).json(),
                        event(12, 0).json(),
                        "{\"type\":\"pong\"}",
                        event(13, 0).json());
        assertThat(catchUp.settled()).isTrue();
    }

    @Test
    void afterTheHistoryAnEventItAlreadyHeldIsDroppedUntilANewerOnePasses() {
        CatchUp catchUp = new CatchUp(connection, new EventId(10, 0), 100);
        catchUp.release(List.of(event(11, 0), event(11, 1)));
        assertThat(catchUp.settled()).isFalse();

        assertThat(catchUp.live(event(11, 1))).as("already replayed").isTrue();
        assertThat(catchUp.live(event(11, 2)))
                .as("newer: the caller delivers it")
                .isFalse();
        assertThat(catchUp.settled()).isTrue();
        assertThat(connection.received).hasSize(2);
    }

    @Test
    void tooManyWaitingEventsDropTheConnection() {
        CatchUp catchUp = new CatchUp(connection, new EventId(1, 0), 2);
        catchUp.live(event(2, 0));
        catchUp.live(event(3, 0));
        catchUp.live(event(4, 0));
        assertThat(connection.closedWith).isEqualTo(CloseCode.SLOW_CONSUMER);
    }

    @Test
    void eventIdsParseCompareAndAdvance() {
        assertThat(EventId.parse("1764633600000-7")).isEqualTo(new EventId(1764633600000L, 7));
        assertThat(new EventId(5, 1).isAfter(new EventId(5, 0))).isTrue();
        assertThat(new EventId(4, 9).isAfter(new EventId(5, 0))).isFalse();
        assertThat(EventId.next(new EventId(5, 3), 5)).isEqualTo(new EventId(5, 4));
        assertThat(EventId.next(new EventId(5, 3), 4)).as("the clock went back").isEqualTo(new EventId(5, 4));
        assertThat(EventId.next(new EventId(5, 3), 6)).isEqualTo(new EventId(6, 0));
        for (String bad : List.of("", "-", "5-", "-5", "a-1", "1-b", "1_2", "9".repeat(30) + "-1")) {
            assertThatThrownBy(() -> EventId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theIdIsTheFirstFieldOfTheJson() {
        assertThat(Outgoing.withId("{\"type\":\"gift\"}", new EventId(3, 1)).json())
                .isEqualTo("{\"event_id\":\"3-1\",\"type\":\"gift\"}");
        assertThat(Outgoing.withId("{}", new EventId(3, 1)).json()).isEqualTo("{\"event_id\":\"3-1\"}");
    }

    private static final class Recording implements ChatConnection {
        final List<Outgoing> received = new ArrayList<>();
        CloseCode closedWith;

        @Override
        public Principal principal() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String channel() {
            return "main";
        }

        @Override
        public boolean offer(Outgoing event) {
            received.add(event);
            return true;
        }

        @Override
        public void close(CloseCode code, String reason) {
            closedWith = code;
        }

        @Override
        public boolean isOpen() {
            return closedWith == null;
        }
    }
}
