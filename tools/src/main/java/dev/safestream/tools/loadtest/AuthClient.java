package dev.safestream.tools.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Gets tokens over SafeStream's REST API: guest tokens for viewers, accounts for senders. */
final class AuthClient {
    /** A username and the token the server issued for it. */
    record Credentials(String username, String token) {}

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper mapper;
    private final Duration timeout;

    /** @param base the server's HTTP root, e.g. {@code http://127.0.0.1:8000} */
    AuthClient(HttpClient http, URI base, ObjectMapper mapper, Duration timeout) {
        this.http = http;
        this.base = base;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    /** {@code POST /auth/guest}: a watch-only token for a server-chosen guest name. */
    CompletableFuture<Credentials> guest() {
        HttpRequest request =
                request("/auth/guest").POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> credentials(r, null));
    }

    /** {@code POST /auth/register}; when the name is taken (409), {@code POST /auth/login} with the same password. */
    CompletableFuture<Credentials> account(String username, String password) {
        String body = write(Map.of("username", username, "password", password));
        HttpRequest register = request("/auth/register")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(register, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() != 409) {
                return CompletableFuture.completedFuture(credentials(r, username));
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest login = request("/auth/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            return http.sendAsync(login, HttpResponse.BodyHandlers.ofString()).thenApply(l -> credentials(l, username));
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    private Credentials credentials(HttpResponse<String> response, String fallbackName) {
        if (response.statusCode() != 200) {
            throw new LoadClient.ConnectFailure("HTTP " + response.statusCode() + " from "
                    + response.request().uri().getPath());
        }
        try {
            JsonNode json = mapper.readTree(response.body());
            String token = json.path("access_token").asText(null);
            String username = json.path("username").asText(fallbackName);
            if (token == null || username == null) {
                throw new LoadClient.ConnectFailure("no access_token in answer from "
                        + response.request().uri().getPath());
            }
            return new Credentials(username, token);
        } catch (IOException e) {
            throw new LoadClient.ConnectFailure(
                    "unreadable answer from " + response.request().uri().getPath());
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
