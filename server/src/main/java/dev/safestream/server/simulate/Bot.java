package dev.safestream.server.simulate;

import dev.safestream.protocol.ProtocolException;
import dev.safestream.protocol.TextMessageAssembler;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;

/**
 * One simulated viewer: its account, its WebSocket and what the server told it (muted until when). The audience's
 * scheduler thread decides what a bot does; the HTTP client's threads deliver frames here, so shared fields are
 * volatile and sends are chained (the JDK WebSocket allows one outstanding send).
 */
final class Bot implements WebSocket.Listener {
    enum State {
        JOINING,
        LIVE,
        AWAY,
        RETIRED
    }

    final String name;
    volatile String token;
    volatile State state = State.AWAY;
    /** Epoch millis when an away bot comes back. */
    volatile long returnAt;

    private volatile Instant mutedUntil = Instant.EPOCH;
    private volatile WebSocket socket;
    private CompletableFuture<WebSocket> sends = CompletableFuture.completedFuture(null);
    private final TextMessageAssembler frames = new TextMessageAssembler();
    private final IntConsumer onClosed;

    /** @param onClosed called with the close code (or -1 on an error) when the server ends the connection */
    Bot(String name, IntConsumer onClosed) {
        this.name = name;
        this.onClosed = onClosed;
    }

    boolean mayChat(Instant now) {
        return state == State.LIVE && now.isAfter(mutedUntil);
    }

    /** Queues a text frame behind any send still in flight. */
    synchronized void send(String frame) {
        WebSocket ws = socket;
        if (ws == null || state != State.LIVE) {
            return;
        }
        sends = sends.exceptionally(e -> null).thenCompose(ignored -> ws.sendText(frame, true));
    }

    /** Leaves on purpose (a viewer closing the app); the close that follows is not an error. */
    void leave(long returnAt) {
        this.state = State.AWAY;
        this.returnAt = returnAt;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        // set here, not when buildAsync completes: the server may close (ban, bad token) before that
        socket = webSocket;
        state = State.LIVE;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        try {
            String frame = frames.add(data, last);
            if (frame != null) {
                noteMute(frame);
            }
        } catch (ProtocolException tooLong) {
            // nothing a bot needs is that long
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (webSocket == socket && state == State.LIVE) {
            onClosed.accept(statusCode);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (webSocket == socket && state == State.LIVE) {
            onClosed.accept(-1);
        }
    }

    /** A muted bot keeps quiet until the mute ends, like a person would. Cheap check before any parsing. */
    private void noteMute(String frame) {
        if (!frame.contains("\"type\":\"muted\"")) {
            return;
        }
        int at = frame.indexOf("\"muted_until\":\"");
        if (at < 0) {
            return;
        }
        int start = at + "\"muted_until\":\"".length();
        int end = frame.indexOf('"', start);
        try {
            mutedUntil = Instant.parse(frame.substring(start, end));
        } catch (RuntimeException ignored) {
            mutedUntil = Instant.now().plusSeconds(60);
        }
    }
}
