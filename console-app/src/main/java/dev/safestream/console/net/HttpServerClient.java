package dev.safestream.console.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.ServerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link ServerClient} over java.net.http: REST with HTTP/1.1 (Grizzly stalls on bodies sent with an {@code h2c}
 * upgrade offer) and the moderator stream on the JDK WebSocket ({@link ModeratorStream}). Thread-safe.
 */
public final class HttpServerClient implements ServerClient {
    private final URI base;
    private final HttpClient http;
    private final ProtocolJson json = new ProtocolJson();
    private final ObjectMapper mapper = json.mapper();
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Session session;
    private volatile ModeratorStream stream;

    public HttpServerClient(URI base, Clock clock) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-net");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI base() {
        return base;
    }

    @Override
    public CompletableFuture<Session> login(String username, String password) {
        String form = "username=" + enc(username) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/auth/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return send(request)
                .thenApply(body -> {
                    Session s = new Session(
                            body.path("username").asText(username),
                            body.path("role").asText(),
                            body.path("access_token").asText(),
                            clock.instant().plusSeconds(body.path("expires_in").asLong(1800)));
                    session = s;
                    return s;
                })
                // channel owners and moderators may use the console whatever their site role
                .thenCompose(s -> channels().thenApply(all -> {
                    List<String> mine = all.stream()
                            .filter(c -> c.isOwner(s.username()) || c.isModerator(s.username()))
                            .map(ChannelRoles::channel)
                            .toList();
                    Session withRoles = new Session(s.username(), s.role(), s.token(), s.expiresAt(), mine);
                    session = withRoles;
                    return withRoles;
                }));
    }

    @Override
    public void connect(String channel, EventListener listener) {
        Session s = requireSession();
        ModeratorStream old = stream;
        if (old != null) {
            old.close();
        }
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/" + enc(s.username()) + "?token="
                + enc(s.token()) + "&channel=" + enc(channel) + "&batch=1");
        stream = new ModeratorStream(http, ws, json, scheduler, listener);
        stream.open();
    }

    @Override
    public CompletableFuture<ActionResult> act(UserAction action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", action.username());
        if (action.duration() != null) {
            body.put("duration_seconds", action.duration().toSeconds());
        }
        if (action.reason() != null && !action.reason().isBlank()) {
            body.put("reason", action.reason());
        }
        body.put("channel", action.channel());
        return send(authed("/api/admin/" + action.kind().path())
                        .POST(jsonBody(body))
                        .build())
                .thenApply(r -> new ActionResult(action, r.path("status").asText(), summary(action, r)));
    }

    private static String summary(UserAction action, JsonNode r) {
        String status = r.path("status").asText(action.kind().path());
        String line = status + " " + action.username();
        if (r.hasNonNull("muted_until")) {
            line += " until " + r.get("muted_until").asText();
        }
        if (r.has("was_muted") && !r.get("was_muted").asBoolean()) {
            line += " (was not muted)";
        }
        if (r.has("was_banned") && !r.get("was_banned").asBoolean()) {
            line += " (was not banned)";
        }
        if (r.has("connections_closed")) {
            line += " (" + r.get("connections_closed").asInt() + " connections closed)";
        }
        return line;
    }

    @Override
    public CompletableFuture<List<QueueItem>> pendingQueue(String channel) {
        return send(authed("/api/moderation/queue?state=pending&channel=" + enc(channel))
                        .GET()
                        .build())
                .thenApply(r -> {
                    List<QueueItem> items = new ArrayList<>();
                    r.path("items").forEach(item -> items.add(queueItem(item)));
                    return items;
                });
    }

    @Override
    public CompletableFuture<QueueItem> decide(long messageId, String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        return send(authed("/api/moderation/queue/" + messageId + "/decisions")
                        .POST(jsonBody(body))
                        .build())
                .thenApply(r -> queueItem(r.path("item")));
    }

    private QueueItem queueItem(JsonNode n) {
        try {
            return mapper.treeToValue(n, QueueItem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<List<ServerEvent>> recent(String channel, int limit) {
        return send(authed("/api/recent?limit=" + limit + "&channel=" + enc(channel))
                        .GET()
                        .build())
                .thenApply(r -> {
                    List<ServerEvent> events = new ArrayList<>();
                    for (JsonNode e : r.path("events")) {
                        try {
                            events.add(json.decodeEvent(e.toString()));
                        } catch (dev.safestream.protocol.ProtocolException ignored) {
                            // a type this console does not know yet
                        }
                    }
                    return events;
                });
    }

    @Override
    public CompletableFuture<ChannelFigures> figures(String channel) {
        return send(authed("/metrics?channel=" + enc(channel)).GET().build())
                .thenApply(r -> new ChannelFigures(
                        r.path("viewer_count").asInt(),
                        r.path("gift_count").asLong(),
                        r.path("toxic_pct").asDouble(),
                        r.path("channel").asText(channel)));
    }

    @Override
    public CompletableFuture<ObjectNode> moderationSettings(String channel) {
        return send(authed("/api/channels/" + enc(channel) + "/moderation")
                        .GET()
                        .build())
                .thenApply(ObjectNode.class::cast);
    }

    @Override
    public CompletableFuture<ObjectNode> updateModerationSettings(String channel, ObjectNode settings) {
        return send(authed("/api/channels/" + enc(channel) + "/moderation")
                        .PUT(HttpRequest.BodyPublishers.ofString(settings.toString()))
                        .build())
                .thenApply(ObjectNode.class::cast);
    }

    @Override
    public CompletableFuture<UserProfile> profile(String username) {
        return send(authed("/api/users/" + enc(username)).GET().build())
                .thenApply(r -> new UserProfile(
                        r.path("username").asText(username),
                        r.path("role").asText(),
                        // the server may write instants as ISO text or as epoch seconds
                        r.hasNonNull("created_at") ? mapper.convertValue(r.get("created_at"), Instant.class) : null));
    }

    @Override
    public CompletableFuture<List<AuditRecord>> audit(String channel, int limit) {
        return send(authed("/api/admin/audit?limit=" + limit + "&channel=" + enc(channel))
                        .GET()
                        .build())
                .thenApply(r -> {
                    List<AuditRecord> out = new ArrayList<>();
                    for (JsonNode n : r) {
                        try {
                            out.add(mapper.treeToValue(n, AuditRecord.class));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<List<ChannelRoles>> channels() {
        return send(authed("/api/channels").GET().build()).thenApply(r -> {
            List<ChannelRoles> out = new ArrayList<>();
            for (JsonNode c : r.path("channels")) {
                List<String> moderators = new ArrayList<>();
                c.path("moderators").forEach(m -> moderators.add(m.asText()));
                out.add(new ChannelRoles(
                        c.path("name").asText(),
                        c.hasNonNull("owner") ? c.get("owner").asText() : null,
                        moderators));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<Person>> people(String query) {
        return send(authed("/api/admin/users?size=200&query=" + enc(query == null ? "" : query.strip()))
                        .GET()
                        .build())
                .thenApply(r -> {
                    List<Person> out = new ArrayList<>();
                    r.path("users").forEach(u -> out.add(person(u)));
                    return out;
                });
    }

    private static Person person(JsonNode u) {
        List<String> owns = new ArrayList<>();
        u.path("owns").forEach(c -> owns.add(c.asText()));
        List<String> moderates = new ArrayList<>();
        u.path("moderates").forEach(c -> moderates.add(c.asText()));
        return new Person(
                u.path("username").asText(),
                u.path("role").asText(),
                u.path("disabled").asBoolean(),
                owns,
                moderates);
    }

    @Override
    public CompletableFuture<Void> setModerator(String channel, String username, boolean appoint) {
        HttpRequest.Builder request = authed("/api/channels/" + enc(channel) + "/moderators/" + enc(username));
        return send((appoint ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE()).build())
                .thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Person> setRole(String username, String role) {
        return send(authed("/api/admin/users/" + enc(username) + "/role")
                        .PUT(jsonBody(Map.of("role", role)))
                        .build())
                .thenApply(HttpServerClient::person);
    }

    @Override
    public CompletableFuture<String> resetPassword(String username) {
        return send(authed("/api/admin/users/" + enc(username) + "/password")
                        .POST(jsonBody(Map.of()))
                        .build())
                .thenApply(r -> r.path("temporary_password").asText());
    }

    @Override
    public CompletableFuture<Person> setDisabled(String username, boolean disabled) {
        return send(authed("/api/admin/users/" + enc(username) + (disabled ? "/disable" : "/enable"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .thenApply(HttpServerClient::person);
    }

    @Override
    public void close() {
        ModeratorStream s = stream;
        if (s != null) {
            s.close();
        }
        scheduler.shutdownNow();
        http.close();
    }

    private Session requireSession() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("log in first");
        }
        return s;
    }

    private HttpRequest.Builder authed(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + requireSession().token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                throw new ServerException(0, "cannot reach " + base + ": " + cause);
            }
            JsonNode body = parse(response.body());
            if (response.statusCode() >= 400) {
                String detail = body.path("detail").asText(body.path("title").asText("HTTP " + response.statusCode()));
                throw new ServerException(response.statusCode(), detail);
            }
            return body;
        });
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode().put("detail", body);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
