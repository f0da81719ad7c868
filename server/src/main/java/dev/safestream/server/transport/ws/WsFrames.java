package dev.safestream.server.transport.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Complete server-to-client WebSocket text frames (RFC 6455 §5.2: FIN, opcode 1, payload length, no mask), built
 * once per event and shared read-only by every connection that sends it; each write uses its own
 * {@link ByteBuffer#duplicate()} view. Direct buffers, so socket writes need no copy into native memory.
 */
final class WsFrames {
    private WsFrames() {}

    static ByteBuffer text(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocateDirect(header + length);
        frame.put((byte) 0x81);
        if (length <= 125) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126);
            frame.putShort((short) length);
        } else {
            frame.put((byte) 127);
            frame.putLong(length);
        }
        frame.put(payload);
        return frame.flip().asReadOnlyBuffer();
    }
}
