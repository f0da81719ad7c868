package dev.safestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextMessageAssemblerTest {
    @Test
    void aMessageInOnePartComesStraightOut() throws ProtocolException {
        assertThat(new TextMessageAssembler().add("{\"type\":\"pong\"}", true)).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void partsAreJoinedUntilTheLastAndTheNextMessageStartsAfresh() throws ProtocolException {
        TextMessageAssembler assembler = new TextMessageAssembler();
        assertThat(assembler.add("[{\"a\":", false)).isNull();
        assertThat(assembler.add("1},", false)).isNull();
        assertThat(assembler.add("{\"b\":2}]", true)).isEqualTo("[{\"a\":1},{\"b\":2}]");
        assertThat(assembler.add("next", true)).isEqualTo("next");
    }

    @Test
    void aMessageOverTheBoundIsRefusedOnceAndItsRestSkipped() throws ProtocolException {
        TextMessageAssembler assembler = new TextMessageAssembler(8);
        assertThat(assembler.add("12345", false)).isNull();
        assertThatThrownBy(() -> assembler.add("67890", false))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("8 characters");
        assertThat(assembler.add("more of the same", false)).isNull();
        assertThat(assembler.add("end", true)).isNull();
        assertThat(assembler.add("fits", true)).isEqualTo("fits");
    }
}
