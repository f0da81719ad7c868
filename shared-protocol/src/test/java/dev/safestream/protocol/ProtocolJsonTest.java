package dev.safestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolJsonTest {
    private final ProtocolJson json = new ProtocolJson();

    @Test
    void malformedJsonIsClassified() {
        assertThatThrownBy(() -> json.decodeCommand("{\"type\":\"chat\","))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind())
                        .isEqualTo(ProtocolException.Kind.MALFORMED_JSON));
    }

    @Test
    void unknownTypeIsClassified() {
        assertThatThrownBy(() -> json.decodeCommand("{\"type\":\"dance\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.UNKNOWN_TYPE);
                    assertThat(e.getMessage()).contains("dance");
                });
    }

    @Test
    void missingTypeIsClassifiedAsUnknownType() {
        assertThatThrownBy(() -> json.decodeCommand("{\"message\":\"hi\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind())
                        .isEqualTo(ProtocolException.Kind.UNKNOWN_TYPE));
    }

    @Test
    void wrongFieldTypeIsInvalidMessage() {
        assertThatThrownBy(() -> json.decodeCommand("{\"type\":\"chat\",\"message\":{\"a\":1}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind())
                        .isEqualTo(ProtocolException.Kind.INVALID_MESSAGE));
    }

    @Test
    void jsonNullIsMalformed() {
        assertThatThrownBy(() -> json.decodeCommand("null")).isInstanceOf(ProtocolException.class);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        assertThat(json.decodeCommand("{\"type\":\"chat\",\"message\":\"hi\",\"extra\":1}"))
                .isEqualTo(new SendChat("hi"));
    }

    @Test
    void closeCodesAreLookedUpByNumber() {
        assertThat(CloseCode.of(4008)).isEqualTo(CloseCode.SLOW_CONSUMER);
        assertThat(CloseCode.of(4999)).isNull();
    }
}
