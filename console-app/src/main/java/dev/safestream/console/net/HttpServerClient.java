package dev.safestream.console.net;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.rest.Account;
import dev.safestream.protocol.rest.AccountPage;
import dev.safestream.protocol.rest.ChannelList;
import dev.safestream.protocol.rest.ChannelMetrics;
import dev.safestream.protocol.rest.ChannelRoleChange;
import dev.safestream.protocol.rest.ErrorBody;
import dev.safestream.protocol.rest.PasswordResetRequest;
import dev.safestream.protocol.rest.RecentEvents;
import dev.safestream.protocol.rest.ReviewDecisionRequest;
import dev.safestream.protocol.rest.ReviewItem;
import dev.safestream.protocol.rest.ReviewOutcome;
import dev.safestream.protocol.rest.ReviewQueuePage;
import dev.safestream.protocol.rest.RoleRequest;
import dev.safestream.protocol.rest.TemporaryPassword;
import dev.safestream.protocol.rest.TokenResponse;
import dev.safestream.protocol.rest.UserActionRequest;
import dev.safestream.protocol.rest.UserActionResult;
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
import java.util.List;
import java.util.Objects;
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
    /** Events of a type this console does not know yet (a newer server) are read as null and left out. */
    private final ObjectReader tolerantOfNewEventTypes =
            mapper.reader().without(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);

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
        return send(request, TokenResponse.class)
                .thenApply(token -> {
                    Session s = new Session(
                            token.username() == null ? username : token.username(),
                            token.role(),
                            token.accessToken(),
                            clock.instant().plusSeconds(token.expiresIn()));
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
        UserActionRequest body = new UserActionRequest(
                action.username(),
                action.duration() == null ? null : action.duration().toSeconds(),
                action.reason() == null || action.reason().isBlank() ? null : action.reason(),
                action.channel());
        return send(
                        authed("/api/admin/" + action.kind().path())
                                .POST(jsonBody(body))
                                .build(),
                        UserActionResult.class)
                .thenApply(r -> new ActionResult(action, r.status(), summary(action, r)));
    }

    private static String summary(UserAction action, UserActionResult r) {
        String line = (r.status() == null ? action.kind().path() : r.status()) + " " + action.username();
        if (r.mutedUntil() != null) {
            line += " until " + r.mutedUntil();
        }
        if (Boolean.FALSE.equals(r.wasMuted())) {
            line += " (was not muted)";
        }
        if (Boolean.FALSE.equals(r.wasBanned())) {
            line += " (was not banned)";
        }
        if (r.connectionsClosed() != null) {
            line += " (" + r.connectionsClosed() + " connections closed)";
        }
        return line;
    }

    @Override
    public CompletableFuture<List<QueueItem>> pendingQueue(String channel) {
        return send(
                        authed("/api/moderation/queue?state=pending&channel=" + enc(channel))
                                .GET()
                                .build(),
                        ReviewQueuePage.class)
                .thenApply(page ->
                        page.items().stream().map(HttpServerClient::queueItem).toList());
    }

    @Override
    public CompletableFuture<QueueItem> decide(long messageId, String decision, String reason) {
        ReviewDecisionRequest body =
                new ReviewDecisionRequest(decision, reason == null || reason.isBlank() ? null : reason);
        return send(
                        authed("/api/moderation/queue/" + messageId + "/decisions")
                                .POST(jsonBody(body))
                                .build(),
                        ReviewOutcome.class)
                .thenApply(outcome -> queueItem(outcome.item()));
    }

    private static QueueItem queueItem(ReviewItem item) {
        return new QueueItem(
                item.messageId(),
                item.channel(),
                item.user(),
                item.text(),
                item.score(),
                item.categories(),
                item.explanation(),
                item.ts(),
                item.state(),
                item.decisions().stream()
                        .map(d -> new QueueItem.Decision(d.moderator(), d.decision(), d.reason(), d.ts()))
                        .toList());
    }

    @Override
    public CompletableFuture<List<ServerEvent>> recent(String channel, int limit) {
        return this.<RecentEvents>send(
                        authed("/api/recent?limit=" + limit + "&channel=" + enc(channel))
                                .GET()
                                .build(),
                        tolerantOfNewEventTypes.forType(RecentEvents.class))
                .thenApply(r -> r.events().stream().filter(Objects::nonNull).toList());
    }

    @Override
    public CompletableFuture<ChannelFigures> figures(String channel) {
        return send(authed("/metrics?channel=" + enc(channel)).GET().build(), ChannelMetrics.class)
                .thenApply(m -> new ChannelFigures(
                        m.viewerCount(), m.giftCount(), m.toxicPct(), m.channel() == null ? channel : m.channel()));
    }

    @Override
    public CompletableFuture<ObjectNode> moderationSettings(String channel) {
        return send(
                authed("/api/channels/" + enc(channel) + "/moderation").GET().build(), ObjectNode.class);
    }

    @Override
    public CompletableFuture<ObjectNode> updateModerationSettings(String channel, ObjectNode settings) {
        return send(
                authed("/api/channels/" + enc(channel) + "/moderation")
                        .PUT(HttpRequest.BodyPublishers.ofString(settings.toString()))
                        .build(),
                ObjectNode.class);
    }

    @Override
    public CompletableFuture<UserProfile> profile(String username) {
        // older servers wrote created_at as epoch seconds: the record reads both
        return send(authed("/api/users/" + enc(username)).GET().build(), dev.safestream.protocol.rest.UserProfile.class)
                .thenApply(
                        p -> new UserProfile(p.username() == null ? username : p.username(), p.role(), p.createdAt()));
    }

    @Override
    public CompletableFuture<List<AuditRecord>> audit(String channel, int limit) {
        return this.<List<dev.safestream.protocol.rest.AuditRecord>>send(
                        authed("/api/admin/audit?limit=" + limit + "&channel=" + enc(channel))
                                .GET()
                                .build(),
                        mapper.readerForListOf(dev.safestream.protocol.rest.AuditRecord.class))
                .thenApply(records -> records.stream()
                        .map(r -> new AuditRecord(
                                r.channel(),
                                r.actor(),
                                r.action(),
                                r.target(),
                                r.reason(),
                                r.durationSeconds(),
                                r.at()))
                        .toList());
    }

    @Override
    public CompletableFuture<List<ChannelRoles>> channels() {
        return send(authed("/api/channels").GET().build(), ChannelList.class).thenApply(list -> list.channels().stream()
                .map(c -> new ChannelRoles(c.name(), c.owner(), c.moderators()))
                .toList());
    }

    @Override
    public CompletableFuture<List<Person>> people(String query) {
        return send(
                        authed("/api/admin/users?size=200&query=" + enc(query == null ? "" : query.strip()))
                                .GET()
                                .build(),
                        AccountPage.class)
                .thenApply(page ->
                        page.users().stream().map(HttpServerClient::person).toList());
    }

    private static Person person(Account a) {
        return new Person(a.username(), a.role(), a.disabled(), a.owns(), a.moderates());
    }

    @Override
    public CompletableFuture<Void> setModerator(String channel, String username, boolean appoint) {
        HttpRequest.Builder request = authed("/api/channels/" + enc(channel) + "/moderators/" + enc(username));
        return send(
                        (appoint ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE()).build(),
                        ChannelRoleChange.class)
                .thenApply(change -> null);
    }

    @Override
    public CompletableFuture<Person> setRole(String username, String role) {
        return send(
                        authed("/api/admin/users/" + enc(username) + "/role")
                                .PUT(jsonBody(new RoleRequest(role)))
                                .build(),
                        Account.class)
                .thenApply(HttpServerClient::person);
    }

    @Override
    public CompletableFuture<String> resetPassword(String username) {
        return send(
                        authed("/api/admin/users/" + enc(username) + "/password")
                                .POST(jsonBody(new PasswordResetRequest(null)))
                                .build(),
                        TemporaryPassword.class)
                .thenApply(TemporaryPassword::temporaryPassword);
    }

    @Override
    public CompletableFuture<Person> setDisabled(String username, boolean disabled) {
        return send(
                        authed("/api/admin/users/" + enc(username) + (disabled ? "/disable" : "/enable"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        Account.class)
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

    private <T> CompletableFuture<T> send(HttpRequest request, Class<T> type) {
        return send(request, mapper.readerFor(type));
    }

    /**
     * Sends a request and reads a 2xx body into the reader's record; any other status becomes a
     * {@link ServerException} with the server's {@code detail} ({@link ErrorBody}).
     */
    private <T> CompletableFuture<T> send(HttpRequest request, ObjectReader reader) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                throw new ServerException(0, "cannot reach " + base + ": " + cause);
            }
            if (response.statusCode() >= 400) {
                throw new ServerException(response.statusCode(), detail(response));
            }
            try {
                return reader.readValue(response.body());
            } catch (IOException e) {
                throw new ServerException(
                        response.statusCode(), "unexpected answer from " + request.uri() + ": " + e.getMessage());
            }
        });
    }

    /** An error body's {@code detail}, else its {@code title}, else the body itself or the status. */
    private String detail(HttpResponse<String> response) {
        String body = response.body();
        try {
            ErrorBody error = body == null || body.isBlank() ? null : mapper.readValue(body, ErrorBody.class);
            if (error != null && error.detail() != null) {
                return error.detail();
            }
            if (error != null && error.title() != null) {
                return error.title();
            }
        } catch (IOException notJson) {
            return body;
        }
        return "HTTP " + response.statusCode();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
