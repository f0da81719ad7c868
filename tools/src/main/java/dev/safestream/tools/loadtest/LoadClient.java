package dev.safestream.tools.loadtest;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One simulated chat client: a {@link WebSocket.Listener} that counts and times the load-test messages it receives
 * and, for senders, posts messages when the scheduler asks.
 *
 * <p>The JDK calls a listener's methods one at a time, so the receive-side fields need no locking; {@link #delivered}
 * is volatile because the report reads it from another thread.
 */
final class LoadClient implements WebSocket.Listener, FrameScanner.Events {
    private final String name;
    private final int senderIndex;
    private final LoadStats stats;
    private final List<String> texts;
    private final CompletableFuture<LoadClient> welcomed = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean leaving;
    private volatile long delivered;
    private StringBuilder partial;
    private long frameNanos;

    // sender side, touched only by the (single) scheduler thread and, at the end, the main thread
    private volatile CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
    private long seq;

    /**
     * @param name username to use with {@code --no-auth}; otherwise a label until the server assigns one
     * @param senderIndex index among the senders, or -1 for a viewer
     */
    LoadClient(String name, int senderIndex, LoadStats stats, List<String> texts) {
        this.texts = texts;
        this.name = name;
        this.senderIndex = senderIndex;
        this.stats = stats;
    }

    String name() {
        return name;
    }

    boolean isSender() {
        return senderIndex >= 0;
    }

    int senderIndex() {
        return senderIndex;
    }

    /** Completes on the server's {@code welcome}; fails when the connection closes or breaks first. */
    CompletableFuture<LoadClient> welcomed() {
        return welcomed;
    }

    boolean isWelcomed() {
        return welcomed.isDone() && !welcomed.isCompletedExceptionally();
    }

    long delivered() {
        return delivered;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        // the listener never holds on to data, so let the JDK deliver frames as fast as they arrive
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (partial == null) {
            if (last) {
                frame(data);
                return null;
            }
            partial = new StringBuilder(data.length() * 2).append(data);
        } else {
            partial.append(data);
            if (last) {
                StringBuilder whole = partial;
                partial = null;
                frame(whole);
            }
        }
        return null;
    }

    private void frame(CharSequence frame) {
        frameNanos = System.nanoTime();
        long before = delivered;
        FrameScanner.scan(frame, this);
        if (delivered != before) {
            stats.frames.increment();
        }
    }

    @Override
    public void loadMessage(int sender, long seq, long sentNanos) {
        delivered++; // single writer: listener calls are serial
        stats.delivered(frameNanos - sentNanos, frameNanos);
    }

    @Override
    public void otherChat() {
        stats.otherChats.increment();
    }

    @Override
    public void error() {
        stats.errors.increment();
    }

    @Override
    public void welcome() {
        welcomed.complete(this);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (isWelcomed() && !leaving) {
            stats.closed(statusCode);
        }
        welcomed.completeExceptionally(new ConnectFailure("closed " + statusCode + " before welcome"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (isWelcomed() && !leaving) {
            stats.transportErrors.increment();
        }
        welcomed.completeExceptionally(error);
    }

    /**
     * Posts the next message, stamped now. The JDK allows one outstanding send per socket, so sends are chained: a
     * slow socket delays later messages (their latency includes the wait) instead of failing them.
     */
    void sendNext() {
        WebSocket ws = socket;
        if (ws == null || leaving) {
            return;
        }
        String text = texts.isEmpty() ? "" : texts.get((int) ((seq + senderIndex) % texts.size()));
        String frame = FrameScanner.chatCommand(senderIndex, seq++, System.nanoTime(), text);
        stats.attempted.increment();
        sends = sends.handle((ok, error) -> null)
                .thenCompose(ignored -> ws.sendText(frame, true))
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        stats.sent.increment();
                    } else {
                        stats.sendFailures.increment();
                    }
                });
    }

    /** Completes when every message handed to {@link #sendNext} has been written (or failed). */
    CompletableFuture<?> sendsDone() {
        return sends.handle((ok, error) -> null);
    }

    /** Says goodbye (1000); closes from here on are not counted as server-initiated. */
    CompletableFuture<?> leave() {
        leaving = true;
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return sendsDone().thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "load test done"));
    }

    /** Drops the TCP connection without a close handshake. */
    void abort() {
        leaving = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Why a connection attempt did not end in a welcome. */
    static final class ConnectFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectFailure(String message) {
            super(message, null, false, false);
        }
    }
}
