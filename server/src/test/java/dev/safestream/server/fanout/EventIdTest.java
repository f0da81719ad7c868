package dev.safestream.server.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"1764633600000-0", "0-0", "5-12"})
    void plainIdsParseAndPrintTheSame(String text) {
        assertThat(EventId.parse(text).toString()).isEqualTo(text);
    }

    /** Issue 23, L11: each of these was accepted as another spelling of an id. */
    @ParameterizedTest
    @ValueSource(strings = {"+5-0", "5-+0", "-5-0", "5--0", "١٢٣-0", "１２-0", "5-0 ", " 5-0", "5-0-1", "5", "-", ""})
    void anythingButAsciiDigitsAroundOneDashIsRefused(String text) {
        assertThatThrownBy(() -> EventId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
