package dev.safestream.server.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The REST and WebSocket calls a bot viewer makes, asynchronously, over HTTP/1.1 only (see README). */
final class ServerApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper mapper;

    ServerApi(URI base, ObjectMapper mapper) {
        // HTTP/1.1, the only version the server speaks: no h2c upgrade offer on every request (older builds hung on it)
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        this.base = base;
        this.mapper = mapper;
    }

    /** Registers the account, or logs in when the name is taken (409); completes with an access token. */
    CompletableFuture<String> token(String username, String password) {
        HttpRequest register = json("/auth/register", Map.of("username", username, "password", password), null);
        return http.sendAsync(register, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() != 409) {
                return CompletableFuture.completedFuture(accessToken(r));
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest login = HttpRequest.newBuilder(base.resolve("/auth/login"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            return http.sendAsync(login, HttpResponse.BodyHandlers.ofString()).thenApply(this::accessToken);
        });
    }

    /** {@code POST /api/gift} in the bot's own name; completes with the HTTP status. */
    CompletableFuture<Integer> gift(String token, String channel, int giftId, int amount) {
        HttpRequest request = json("/api/gift", Map.of("gift_id", giftId, "amount", amount, "channel", channel), token);
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** {@code GET /api/gifts}: the catalogue's ids. */
    CompletableFuture<int[]> giftIds() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/gifts"))
                .timeout(TIMEOUT)
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            JsonNode gifts = read(r.body());
            int[] ids = new int[gifts.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = gifts.get(i).path("id").asInt();
            }
            return ids;
        });
    }

    CompletableFuture<WebSocket> connect(String username, String token, String channel, WebSocket.Listener listener) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        URI uri = URI.create(
                scheme + "://" + base.getAuthority() + "/ws/" + username + "?token=" + token + "&channel=" + channel);
        return http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, listener);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private HttpRequest json(String path, Object body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from "
                    + response.request().uri().getPath() + ": " + response.body());
        }
        return read(response.body()).path("access_token").asText();
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
