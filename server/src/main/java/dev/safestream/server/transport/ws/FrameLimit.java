package dev.safestream.server.transport.ws;

import java.nio.charset.StandardCharsets;

/**
 * The incoming frame limit, enforced in two layers because Tyrus enforces it in neither reliably.
 *
 * <p>Tyrus checks {@code Session#setMaxTextMessageBufferSize} only for messages that arrive in fragments; a whole
 * frame reaches the handler unchecked. And its socket read buffer closes with 1011 ("Buffer overflow") when a frame
 * outgrows it, which for a frame just over the limit depends on how TCP happened to split it. So the read buffer is
 * {@link #transportBufferBytes} (several times the limit, a hard memory cap per connection) and the text handler
 * checks {@link #exceeded}: frames up to the buffer size close with 1009 every time; only frames beyond it close
 * with Tyrus's 1011.
 */
final class FrameLimit {
    /** Largest WebSocket frame header: 2 bytes, 8 bytes of extended length, 4 bytes of mask. */
    private static final int MAX_HEADER_BYTES = 14;

    private static final int BUFFER_FACTOR = 4;

    private FrameLimit() {}

    static int transportBufferBytes(int maxFrameBytes) {
        long bytes = (long) maxFrameBytes * BUFFER_FACTOR + MAX_HEADER_BYTES;
        return (int) Math.min(Integer.MAX_VALUE - 8, bytes);
    }

    /** Whether {@code text} encodes to more than {@code maxFrameBytes} bytes of UTF-8; cheap for short text. */
    static boolean exceeded(String text, int maxFrameBytes) {
        if ((long) text.length() * 3 <= maxFrameBytes) {
            return false;
        }
        return text.length() > maxFrameBytes || text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes;
    }
}
