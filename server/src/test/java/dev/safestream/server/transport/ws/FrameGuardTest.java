package dev.safestream.server.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.junit.jupiter.api.Test;

class FrameGuardTest {
    private static final long MAX = 65_536;

    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;

    /** A masked client text frame announcing {@code length} payload bytes, with {@code present} of them written. */
    private static byte[] frame(long length, int present) {
        return frame(TEXT, true, length, present);
    }

    private static byte[] frame(int opcode, boolean fin, long length, int present) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (length <= 125) {
            out.write(0x80 | (int) length);
        } else if (length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write((int) (length >> 8) & 0xFF);
            out.write((int) length & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (length >>> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(new byte[] {9, 8, 7, 6});
        out.writeBytes(new byte[present]);
        return out.toByteArray();
    }

    private static long scan(FrameGuard.State state, byte[] bytes) {
        Buffer buffer = Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, bytes);
        return state.scan(buffer, 0, bytes.length, MAX);
    }

    @Test
    void framesWithinTheLimitPassAtEveryLengthEncoding() {
        FrameGuard.State state = new FrameGuard.State();
        for (long length : new long[] {0, 1, 125, 126, 65_535, 65_536}) {
            assertThat(scan(state, frame(length, (int) length)))
                    .as("length " + length)
                    .isEqualTo(-1);
        }
    }

    @Test
    void aFrameOverTheLimitIsCaughtFromItsHeaderAlone() {
        assertThat(scan(new FrameGuard.State(), frame(65_537, 0))).isEqualTo(65_537);
        assertThat(scan(new FrameGuard.State(), frame(10_000_000, 100))).isEqualTo(10_000_000);
        assertThat(scan(new FrameGuard.State(), frame(Long.MAX_VALUE, 0))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void headersAndPayloadsSplitAcrossReadsAreFollowed() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(300, 300));
        stream.writeBytes(frame(70_000, 0));
        byte[] all = stream.toByteArray();
        FrameGuard.State state = new FrameGuard.State();
        long found = -1;
        for (int i = 0; i < all.length && found < 0; i += 3) {
            byte[] piece = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 3));
            found = scan(state, piece);
        }
        assertThat(found).isEqualTo(70_000);
    }

    @Test
    void aFragmentedMessageCountsAllItsFragments() {
        FrameGuard.State state = new FrameGuard.State();
        assertThat(scan(state, frame(TEXT, false, 30_000, 30_000))).isEqualTo(-1);
        assertThat(scan(state, frame(PING, true, 4, 4)))
                .as("control frames between fragments")
                .isEqualTo(-1);
        assertThat(scan(state, frame(CONTINUATION, false, 30_000, 30_000))).isEqualTo(-1);
        assertThat(scan(state, frame(CONTINUATION, true, 10_000, 0))).isEqualTo(70_000);
    }

    @Test
    void eachMessageStartsItsCountAfresh() {
        FrameGuard.State state = new FrameGuard.State();
        for (int i = 0; i < 3; i++) {
            assertThat(scan(state, frame(TEXT, false, 40_000, 40_000))).isEqualTo(-1);
            assertThat(scan(state, frame(CONTINUATION, true, 20_000, 20_000))).isEqualTo(-1);
        }
    }

    @Test
    void pingsAreCountedWhereverTheirHeadersEnd() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(PING, true, 125, 125));
        stream.writeBytes(frame(TEXT, true, 10, 10));
        stream.writeBytes(frame(PING, true, 0, 0));
        stream.writeBytes(frame(PING, true, 4, 4));
        byte[] all = stream.toByteArray();
        FrameGuard.State state = new FrameGuard.State();
        int pings = 0;
        for (int i = 0; i < all.length; i += 5) {
            byte[] piece = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 5));
            assertThat(scan(state, piece)).isEqualTo(-1);
            pings += state.takePings();
        }
        assertThat(pings).isEqualTo(3);
        assertThat(state.takePings()).isZero();
    }
}
