package dev.safestream.console.net;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ProtocolException;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.TextMessageAssembler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One moderator WebSocket that stays open: on a drop it reconnects with exponential backoff (0.5 s doubling to 10 s)
 * and the server resubscribes it to the channel on open, replaying what the console missed: the reconnect names the
 * {@code event_id} of the last event seen ({@code since=}). A policy close (1008: bad or expired token) reports
 * {@link ConnectionStatus#AUTH_EXPIRED}; kicks and bans report {@link ConnectionStatus#CLOSED}; neither retries.
 *
 * <p>Threads: listener callbacks run on the JDK WebSocket's threads or on the {@code console-net} scheduler.
 */
final class ModeratorStream {
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI uri;
    private final ProtocolJson json;
    private final ScheduledExecutorService scheduler;
    private final ServerClient.EventListener listener;
    private volatile boolean closed;
    private volatile WebSocket socket;
    /** The last replayable event seen, sent as {@code since} on a reconnect. */
    private volatile String lastEventId;

    private Duration nextRetry = FIRST_RETRY;

    ModeratorStream(
            HttpClient http,
            URI uri,
            ProtocolJson json,
            ScheduledExecutorService scheduler,
            ServerClient.EventListener listener) {
        this.http = http;
        this.uri = uri;
        this.json = json;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    void open() {
        if (closed) {
            return;
        }
        listener.onStatus(ConnectionStatus.CONNECTING, uri.getHost() + ":" + uri.getPort());
        String since = lastEventId;
        URI target =
                since == null ? uri : URI.create(uri + "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(target, new Handler())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        retry("cannot connect: " + error.getMessage());
                    } else {
                        socket = ws;
                    }
                });
    }

    void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    private synchronized void retry(String why) {
        if (closed) {
            return;
        }
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
        listener.onStatus(ConnectionStatus.RECONNECTING, why + "; retrying in " + wait.toMillis() + " ms");
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::open, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Keeps the {@code event_id} of the frame's last replayable event (a frame is one event or a batch). */
    private void rememberLastEventId(String frame) {
        try {
            JsonNode tree = json.mapper().readTree(frame);
            for (JsonNode event : tree.isArray() ? tree : List.of(tree)) {
                if (event.path("event_id").isTextual()) {
                    lastEventId = event.path("event_id").asText();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // the server sends JSON; anything else is ignored, as the protocol asks
        }
    }

    private final class Handler implements WebSocket.Listener {
        private final TextMessageAssembler frames = new TextMessageAssembler();

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (ModeratorStream.this) {
                nextRetry = FIRST_RETRY;
            }
            listener.onStatus(ConnectionStatus.CONNECTED, uri.getHost() + ":" + uri.getPort());
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                String frame = frames.add(data, last);
                if (frame != null) {
                    rememberLastEventId(frame);
                    for (ServerEvent event : json.decodeEvents(frame)) {
                        listener.onEvent(event);
                    }
                }
            } catch (ProtocolException unknown) {
                // a type or shape this console does not know yet, or a frame too long to be ours: ignore, as the
                // protocol asks
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            socket = null;
            if (statusCode == CloseCode.POLICY_VIOLATION.code()) {
                closed = true;
                listener.onStatus(ConnectionStatus.AUTH_EXPIRED, reason);
            } else if (statusCode == CloseCode.KICKED.code() || statusCode == CloseCode.BANNED.code()) {
                closed = true;
                listener.onStatus(ConnectionStatus.CLOSED, reason);
            } else if (closed) {
                listener.onStatus(ConnectionStatus.CLOSED, reason);
            } else {
                retry("closed " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            socket = null;
            retry("error: " + error.getMessage());
        }
    }
}
