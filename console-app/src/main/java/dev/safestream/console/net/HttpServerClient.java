package dev.safestream.console.net;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.rest.Account;
import dev.safestream.protocol.rest.AccountPage;
import dev.safestream.protocol.rest.ActiveSanction;
import dev.safestream.protocol.rest.ChannelList;
import dev.safestream.protocol.rest.ChannelMetrics;
import dev.safestream.protocol.rest.ChannelRoleChange;
import dev.safestream.protocol.rest.PasswordResetRequest;
import dev.safestream.protocol.rest.PinRequest;
import dev.safestream.protocol.rest.RecentEvents;
import dev.safestream.protocol.rest.ReviewDecisionRequest;
import dev.safestream.protocol.rest.ReviewOutcome;
import dev.safestream.protocol.rest.ReviewQueuePage;
import dev.safestream.protocol.rest.RoleRequest;
import dev.safestream.protocol.rest.SanctionList;
import dev.safestream.protocol.rest.StatusResponse;
import dev.safestream.protocol.rest.TemporaryPassword;
import dev.safestream.protocol.rest.TokenResponse;
import dev.safestream.protocol.rest.UserActionRequest;
import dev.safestream.protocol.rest.UserActionResult;
import dev.safestream.protocol.settings.ModerationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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

    private final JsonHttp rest;
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
        this.rest = new JsonHttp(this.base, http, mapper);
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
        return rest.send(request, TokenResponse.class)
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
                action.channel(),
                action.clearMessages() ? Boolean.TRUE : null);
        return rest.send(
                        authed("/api/admin/" + action.kind().path())
                                .POST(jsonBody(body))
                                .build(),
                        UserActionResult.class)
                .thenApply(r -> new ActionResult(action, r.status(), RestViews.summary(action, r)));
    }

    @Override
    public CompletableFuture<String> deleteMessage(String channel, long messageId, String reason) {
        String query = reason == null || reason.isBlank() ? "" : "?reason=" + enc(reason);
        return rest.send(
                        inChannel(channel, "/messages/" + messageId + query)
                                .DELETE()
                                .build(),
                        StatusResponse.class)
                .thenApply(StatusResponse::status);
    }

    @Override
    public CompletableFuture<Void> pin(String channel, long messageId) {
        return rest.send(
                        inChannel(channel, "/pin")
                                .PUT(jsonBody(new PinRequest(messageId)))
                                .build(),
                        StatusResponse.class)
                .thenApply(r -> null);
    }

    @Override
    public CompletableFuture<String> unpin(String channel) {
        return rest.send(inChannel(channel, "/pin").DELETE().build(), StatusResponse.class)
                .thenApply(StatusResponse::status);
    }

    @Override
    public CompletableFuture<List<QueueItem>> pendingQueue(String channel) {
        return rest.send(
                        authed("/api/moderation/queue?state=pending&channel=" + enc(channel))
                                .GET()
                                .build(),
                        ReviewQueuePage.class)
                .thenApply(
                        page -> page.items().stream().map(RestViews::queueItem).toList());
    }

    @Override
    public CompletableFuture<QueueItem> decide(long messageId, String decision, String reason) {
        ReviewDecisionRequest body =
                new ReviewDecisionRequest(decision, reason == null || reason.isBlank() ? null : reason);
        return rest.send(
                        authed("/api/moderation/queue/" + messageId + "/decisions")
                                .POST(jsonBody(body))
                                .build(),
                        ReviewOutcome.class)
                .thenApply(outcome -> RestViews.queueItem(outcome.item()));
    }

    @Override
    public CompletableFuture<List<ServerEvent>> recent(String channel, int limit) {
        return rest.<RecentEvents>send(
                        authed("/api/recent?limit=" + limit + "&channel=" + enc(channel))
                                .GET()
                                .build(),
                        tolerantOfNewEventTypes.forType(RecentEvents.class))
                .thenApply(r -> r.events().stream().filter(Objects::nonNull).toList());
    }

    @Override
    public CompletableFuture<ChannelFigures> figures(String channel) {
        return rest.send(authed("/metrics?channel=" + enc(channel)).GET().build(), ChannelMetrics.class)
                .thenApply(m -> new ChannelFigures(
                        m.viewerCount(), m.giftCount(), m.toxicPct(), m.channel() == null ? channel : m.channel()));
    }

    @Override
    public CompletableFuture<ModerationSettings> moderationSettings(String channel) {
        return rest.send(inChannel(channel, "/moderation").GET().build(), ModerationSettings.class);
    }

    @Override
    public CompletableFuture<ModerationSettings> updateModerationSettings(String channel, ModerationSettings settings) {
        return rest.send(
                inChannel(channel, "/moderation").PUT(jsonBody(settings)).build(), ModerationSettings.class);
    }

    @Override
    public CompletableFuture<UserProfile> profile(String username) {
        // older servers wrote created_at as epoch seconds: the record reads both
        return rest.send(
                        authed("/api/users/" + enc(username)).GET().build(),
                        dev.safestream.protocol.rest.UserProfile.class)
                .thenApply(
                        p -> new UserProfile(p.username() == null ? username : p.username(), p.role(), p.createdAt()));
    }

    @Override
    public CompletableFuture<List<AuditRecord>> audit(String channel, int limit) {
        return rest.<List<dev.safestream.protocol.rest.AuditRecord>>send(
                        authed("/api/admin/audit?limit=" + limit + "&channel=" + enc(channel))
                                .GET()
                                .build(),
                        mapper.readerForListOf(dev.safestream.protocol.rest.AuditRecord.class))
                .thenApply(
                        records -> records.stream().map(RestViews::auditRecord).toList());
    }

    @Override
    public CompletableFuture<List<ActiveSanction>> sanctions(String channel) {
        return rest.send(inChannel(channel, "/sanctions").GET().build(), SanctionList.class)
                .thenApply(SanctionList::sanctions);
    }

    @Override
    public CompletableFuture<List<ChannelRoles>> channels() {
        return rest.send(authed("/api/channels").GET().build(), ChannelList.class)
                .thenApply(list -> list.channels().stream()
                        .map(c -> new ChannelRoles(c.name(), c.owner(), c.moderators()))
                        .toList());
    }

    @Override
    public CompletableFuture<List<Person>> people(String query) {
        return rest.send(
                        authed("/api/admin/users?size=200&query=" + enc(query == null ? "" : query.strip()))
                                .GET()
                                .build(),
                        AccountPage.class)
                .thenApply(page -> page.users().stream().map(RestViews::person).toList());
    }

    @Override
    public CompletableFuture<Void> setModerator(String channel, String username, boolean appoint) {
        HttpRequest.Builder request = inChannel(channel, "/moderators/" + enc(username));
        return rest.send(
                        (appoint ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE()).build(),
                        ChannelRoleChange.class)
                .thenApply(change -> null);
    }

    @Override
    public CompletableFuture<Person> setRole(String username, String role) {
        return rest.send(
                        authed("/api/admin/users/" + enc(username) + "/role")
                                .PUT(jsonBody(new RoleRequest(role)))
                                .build(),
                        Account.class)
                .thenApply(RestViews::person);
    }

    @Override
    public CompletableFuture<String> resetPassword(String username) {
        return rest.send(
                        authed("/api/admin/users/" + enc(username) + "/password")
                                .POST(jsonBody(new PasswordResetRequest(null)))
                                .build(),
                        TemporaryPassword.class)
                .thenApply(TemporaryPassword::temporaryPassword);
    }

    @Override
    public CompletableFuture<Person> setDisabled(String username, boolean disabled) {
        return rest.send(
                        authed("/api/admin/users/" + enc(username) + (disabled ? "/disable" : "/enable"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        Account.class)
                .thenApply(RestViews::person);
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

    /** A request to {@code /api/channels/{channel}} followed by {@code rest}. */
    private HttpRequest.Builder inChannel(String channel, String rest) {
        return authed("/api/channels/" + enc(channel) + rest);
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
