package dev.safestream.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ProtocolException;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.TextMessageAssembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A real WebSocket client (the JDK's) that records every event it receives and how it was closed. */
public final class WsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ProtocolJson().mapper();

    private final Collection<JsonNode> events = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(String url, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(URI.create(url), new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    public static WsClient connect(String base, String username, String token) {
        return connect(base, username, token, "");
    }

    public static WsClient connect(String base, String username, String token, String extraQuery) {
        return connect(base, username, token, extraQuery, java.util.Map.of());
    }

    /** With extra handshake headers (X-Forwarded-For, say). */
    public static WsClient connect(
            String base, String username, String token, String extraQuery, java.util.Map<String, String> headers) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (!extraQuery.isEmpty()) {
            query += (query.isEmpty() ? "?" : "&") + extraQuery;
        }
        return new WsClient(base + "/ws/" + username + query, headers);
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends a frame the server may cut off halfway by closing; a write that fails for that reason is expected. */
    public void sendUntilRefused(String text) {
        socket.sendText(text, true)
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(refused -> null)
                .join();
    }

    public void chat(String message) {
        try {
            send(JSON.writeValueAsString(java.util.Map.of("type", "chat", "message", message)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 10 s for an event matching the predicate and returns it. */
    public JsonNode await(Predicate<JsonNode> matching) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(matching));
        return events.stream().filter(matching).findFirst().orElseThrow();
    }

    public JsonNode awaitType(String type) {
        return await(e -> type.equals(e.path("type").asText()));
    }

    /** Waits for the chat event with this text. */
    public JsonNode awaitChat(String message) {
        return await(e -> "chat".equals(e.path("type").asText())
                && message.equals(e.path("message").asText()));
    }

    public Collection<JsonNode> events() {
        return events;
    }

    public boolean sawChat(String message) {
        return events.stream()
                .anyMatch(e -> "chat".equals(e.path("type").asText())
                        && message.equals(e.path("message").asText()));
    }

    /** Waits up to 10 s for the server to close the connection and returns the close code. */
    public int awaitClose() {
        return closeCode.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final TextMessageAssembler frames = new TextMessageAssembler();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                String frame = frames.add(data, last);
                if (frame != null) {
                    JsonNode node = JSON.readTree(frame);
                    if (node.isArray()) {
                        node.forEach(events::add);
                    } else {
                        events.add(node);
                    }
                }
            } catch (IOException | ProtocolException e) {
                throw new IllegalStateException("a frame the tests cannot read", e);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            System.err.println("WebSocket client error (close code -1): " + error);
            closeCode.complete(-1);
        }
    }
}
