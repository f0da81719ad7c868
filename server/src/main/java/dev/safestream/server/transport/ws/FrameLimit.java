package dev.safestream.server.transport.ws;

import java.nio.charset.StandardCharsets;

/**
 * The incoming frame limit. {@link FrameGuard} closes with 1009 on the header of any frame over the limit, so whole
 * frames over it never reach Tyrus; Tyrus itself enforces the limit for messages sent in fragments
 * ({@code setMaxTextMessageBufferSize}). Tyrus's socket read buffer is {@link #transportBufferBytes}, several times
 * the limit, because one read may hold the end of one frame and the start of the next (a buffer of exactly the limit
 * closed with 1011 depending on how TCP split the bytes). {@link #exceeded} is a second check in the text handler.
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
