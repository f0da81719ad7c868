package dev.safestream.server.transport.ws;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.LingeringClose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Closes a WebSocket connection with 1009 as soon as a frame header announces a payload over the frame limit, or a
 * fragmented message's frames add up to more than it, at any size, before the payload is read. It also counts the
 * client's pings, each of which makes Tyrus queue a pong: past the {@link PingBudget} the client is closed with 4029,
 * and a client whose unread pongs and frames pass the outbox's byte limit with 4008, since a client that pings without
 * reading would otherwise fill the heap with pongs (issue 23, C1). Tyrus would buffer
 * such a frame up to its read buffer and then close with 1011 ("Buffer overflow"); a fragmented message it closes
 * with 1009 itself, but closes the socket at once, and the reset can overtake the close frame while the client is
 * still sending (clients fragment long messages: the JDK's does).
 *
 * <p>A Grizzly filter just before Tyrus's: it sees the raw bytes of upgraded connections and follows frame boundaries
 * (header, then skip the payload) without copying anything. State is per connection; runs on selector threads.
 */
final class FrameGuard extends BaseFilter {
    /** Two bytes, up to eight of extended length, four of mask (RFC 6455 §5.2). */
    private static final int MAX_HEADER = 14;

    private final long maxPayload;
    private final LimitMeters limits;
    private final PingBudget pingBudget;
    private final long maxPendingBytes;
    private static final Attribute<State> STATE =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(FrameGuard.class + ".state");

    private final LingeringClose lingering;

    /**
     * @param pingBudget how many pings a client may send
     * @param maxPendingBytes bytes that may wait to be written to a client when it pings (OUTBOX_MAX_BYTES)
     */
    FrameGuard(
            int maxFrameBytes,
            LimitMeters limits,
            LingeringClose lingering,
            PingBudget pingBudget,
            long maxPendingBytes) {
        this.maxPayload = maxFrameBytes;
        this.limits = limits;
        this.lingering = lingering;
        this.pingBudget = pingBudget;
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Where the connection's byte stream is: inside a header (collecting it) or inside a payload (skipping it). */
    static final class State {
        /** {@link #scan}'s answer for a frame the client did not mask. */
        static final long UNMASKED = -2;

        private final byte[] header = new byte[MAX_HEADER];
        private int have;
        private long skip;
        /** Payload bytes of the data message being received so far, over all its fragments. */
        private long message;
        /** Ping headers seen since {@link #takePings}. */
        private int pings;

        private final PingBudget.Bucket pingBucket = new PingBudget.Bucket();

        private boolean closed;

        /**
         * Whether the guard refused the client and sent a close frame: nothing may be written after that close frame. Read and
         * write holding this state's lock; the guard sets it and writes the close frame under the same lock.
         */
        boolean refused() {
            return closed;
        }

        /**
         * Follows {@code length} bytes at {@code position}.
         *
         * @return -1 when every frame and message seen is within {@code max}, {@link #UNMASKED} for a frame without a
         *     mask, else the announced frame or message length that is not
         */
        long scan(Buffer bytes, int position, int length, long max) {
            int p = position;
            int end = position + length;
            while (p < end) {
                if (skip > 0) {
                    long step = Math.min(skip, end - p);
                    p += (int) step;
                    skip -= step;
                    continue;
                }
                header[have++] = bytes.get(p++);
                if (have == 2 && (header[1] & 0x80) == 0) {
                    return UNMASKED; // a client must mask every frame (RFC 6455 §5.1)
                }
                int need = headerLength();
                if (need > 0 && have == need) {
                    long payload = payloadLength();
                    if (payload < 0 || payload > max) {
                        return payload < 0 ? Long.MAX_VALUE : payload;
                    }
                    if (isPing()) {
                        pings++;
                    }
                    if (isDataFrame()) {
                        message = isContinuation() ? message + payload : payload;
                        if (message > max) {
                            return message;
                        }
                        if (isFinal()) {
                            message = 0;
                        }
                    }
                    skip = payload;
                    have = 0;
                }
            }
            return -1;
        }

        /** The pings counted by {@link #scan} since the last call. */
        int takePings() {
            int n = pings;
            pings = 0;
            return n;
        }

        private boolean isPing() {
            return (header[0] & 0x0F) == 0x9;
        }

        /** Text, binary or continuation; control frames (close, ping, pong) may come between fragments. */
        private boolean isDataFrame() {
            return (header[0] & 0x08) == 0;
        }

        private boolean isContinuation() {
            return (header[0] & 0x0F) == 0;
        }

        private boolean isFinal() {
            return (header[0] & 0x80) != 0;
        }

        private int headerLength() {
            if (have < 2) {
                return -1;
            }
            int code = header[1] & 0x7F;
            int extended = code == 126 ? 2 : code == 127 ? 8 : 0;
            int mask = (header[1] & 0x80) != 0 ? 4 : 0;
            return 2 + extended + mask;
        }

        private long payloadLength() {
            int code = header[1] & 0x7F;
            if (code <= 125) {
                return code;
            }
            int bytes = code == 126 ? 2 : 8;
            long length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (header[2 + i] & 0xFF);
            }
            return length;
        }
    }

    /**
     * The Grizzly connection whose WebSocket handshake is being processed on this thread. Tyrus completes the
     * handshake and calls {@code onOpen} synchronously on the selector thread that read the request, right after this
     * filter, so {@code onOpen} takes the connection it will write to from here ({@link #takeHandshakeConnection}).
     */
    private static final ThreadLocal<Connection<?>> HANDSHAKE = new ThreadLocal<>();

    /**
     * The guard's state for a WebSocket connection, from its handshake on; writers lock it to write, so that no write
     * lands behind the guard's close frame ({@link State#refused}).
     */
    static State stateOf(Connection<?> connection) {
        return STATE.get(connection);
    }

    static Connection<?> takeHandshakeConnection() {
        Connection<?> c = HANDSHAKE.get();
        HANDSHAKE.remove();
        return c;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content) || !isWebSocket(content.getHttpHeader())) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        State s = STATE.get(connection);
        if (s == null) {
            s = new State();
            STATE.set(connection, s);
            HANDSHAKE.set(connection); // the first content of an upgrade request is its head: the handshake
        }
        if (s.closed) {
            return ctx.getStopAction();
        }
        Buffer bytes = content.getContent();
        long announced = s.scan(bytes, bytes.position(), bytes.remaining(), maxPayload);
        if (announced == State.UNMASKED) {
            limits.rejected(Limit.UNMASKED_FRAME);
            return refuse(ctx, s, CloseCode.PROTOCOL_ERROR, "Client frames must be masked");
        }
        if (announced >= 0) {
            limits.rejected(Limit.FRAME_SIZE);
            return refuse(ctx, s, CloseCode.MESSAGE_TOO_BIG, "Frames are limited to " + maxPayload + " bytes");
        }
        int pings = s.takePings();
        if (pings == 0) {
            return ctx.getInvokeAction();
        }
        if (!pingBudget.take(s.pingBucket, pings)) {
            limits.rejected(Limit.CLIENT_PINGS);
            return refuse(ctx, s, CloseCode.ABUSIVE, "Pings are limited to " + pingBudget.perSecond() + " a second");
        }
        if (pendingWriteBytes(connection) > maxPendingBytes) {
            limits.rejected(Limit.UNREAD_PONGS);
            return refuse(ctx, s, CloseCode.SLOW_CONSUMER, "Too slow: pongs are not being read");
        }
        return ctx.getInvokeAction();
    }

    /**
     * Sends the close frame and stops reading: the rest of the connection's bytes are discarded until it closes
     * ({@link LingeringClose} says why it waits), and at the latest {@link LingeringClose#DEADLINE} from now, since a
     * client that does not read never lets the close frame out.
     */
    private NextAction refuse(FilterChainContext ctx, State s, CloseCode code, String reason) {
        Connection<?> connection = ctx.getConnection();
        synchronized (s) {
            s.closed = true;
            ctx.write(closeFrame(connection, code, reason), lingering.afterWrite(connection));
        }
        lingering.closeByDeadline(connection);
        return ctx.getStopAction();
    }

    /** Bytes queued for the socket and not yet taken by the kernel: pongs and frames the client has not read. */
    private static long pendingWriteBytes(Connection<?> connection) {
        return connection instanceof NIOConnection nio
                ? nio.getAsyncWriteQueue().spaceInBytes()
                : 0;
    }

    /**
     * After the close frame, nothing more goes out: Tyrus still thinks the session open until the connection closes
     * and would go on writing broadcasts, and data after a close frame is a protocol error to the client.
     */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        State s = STATE.get(ctx.getConnection());
        if (s == null || !s.closed) {
            return ctx.getInvokeAction();
        }
        var handler = ctx.getTransportContext().getCompletionHandler();
        if (handler != null) {
            handler.failed(new IOException("the connection is closing: the client broke a limit"));
        }
        return ctx.getStopAction();
    }

    private static boolean isWebSocket(HttpHeader header) {
        return header != null && header.isRequest() && "websocket".equalsIgnoreCase(header.getUpgrade());
    }

    /** An unmasked close frame: the code and a reason (at most 123 bytes). */
    private static Buffer closeFrame(Connection<?> connection, CloseCode closeCode, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, 123);
        byte[] frame = new byte[4 + n];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (2 + n);
        int code = closeCode.code();
        frame[2] = (byte) (code >> 8);
        frame[3] = (byte) code;
        System.arraycopy(text, 0, frame, 4, n);
        return Buffers.wrap(connection.getMemoryManager(), frame);
    }
}
