package dev.safestream.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ProtocolJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the REST API. */
public final class Api {
    // The JDK client's defaults on purpose: it offers an h2c upgrade with every request, body or not, which the
    // server must answer over HTTP/1.1 (transport.http.IgnoredUpgrades).
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ProtocolJson().mapper();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** A response; {@code json} is null when the body is not JSON. */
    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String text(String field) {
            return json == null || json.get(field) == null
                    ? null
                    : json.get(field).asText();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    public Response patch(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    public Response put(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Response postMultipart(String path, Map<String, String> fields) {
        String boundary = "safestream-test-boundary";
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(request(path, null)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Registers a viewer and returns its token. */
    public String register(String username, String password) {
        Response r = post("/auth/register", Map.of("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new IllegalStateException("register " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.text("access_token");
    }

    public String login(String username, String password) {
        Response r = postForm("/auth/login", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.text("access_token");
    }

    public String adminToken() {
        return login("admin", TestServer.ADMIN_PASSWORD);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Response(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
