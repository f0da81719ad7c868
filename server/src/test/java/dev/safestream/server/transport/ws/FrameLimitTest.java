package dev.safestream.server.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameLimitTest {
    @Test
    void countsUtf8Bytes() {
        assertThat(FrameLimit.exceeded("a".repeat(10), 10)).isFalse();
        assertThat(FrameLimit.exceeded("a".repeat(11), 10)).isTrue();
        assertThat(FrameLimit.exceeded("é".repeat(5), 10)).isFalse();
        assertThat(FrameLimit.exceeded("é".repeat(6), 10)).isTrue();
        assertThat(FrameLimit.exceeded("😀".repeat(3), 10)).isTrue();
    }

    @Test
    void transportBufferLeavesRoomAboveTheLimitWithoutOverflowing() {
        assertThat(FrameLimit.transportBufferBytes(65_536)).isEqualTo(4 * 65_536 + 14);
        assertThat(FrameLimit.transportBufferBytes(Integer.MAX_VALUE)).isPositive();
    }
}
