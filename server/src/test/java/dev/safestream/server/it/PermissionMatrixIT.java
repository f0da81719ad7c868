package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every REST endpoint and WebSocket action × every kind of caller, from one table ({@link #ROWS}). An allowed cell must
 * not answer 401 or 403 (400 or 404 for the test's made-up ids is fine: the permission check passed); a denied cell
 * must answer 401 without a token and 403 with one. {@link #everyEndpointIsInTheTable} fails when a resource method has
 * no row, so a new endpoint cannot be forgotten.
 *
 * <p>Channel {@code pm} belongs to {@code owner}; {@code chanmod} moderates it; {@code othermod} moderates another
 * streamer's channel {@code other}. Actions on a user act on a fresh viewer per cell ({@link Row#onVictim}).
 */
@Timeout(240)
class PermissionMatrixIT {
    enum Actor {
        ADMIN,
        OWNER,
        CHANNEL_MODERATOR,
        OTHER_CHANNEL_MODERATOR,
        GLOBAL_MODERATOR,
        OTHER_STREAMER,
        VIEWER,
        GUEST,
        NO_TOKEN
    }

    private static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);
    private static final Set<Actor> WITH_TOKEN = EnumSet.complementOf(EnumSet.of(Actor.NO_TOKEN));
    private static final Set<Actor> ACCOUNTS = EnumSet.complementOf(EnumSet.of(Actor.NO_TOKEN, Actor.GUEST));
    private static final Set<Actor> MODERATORS_OF_PM =
            EnumSet.of(Actor.ADMIN, Actor.OWNER, Actor.CHANNEL_MODERATOR, Actor.GLOBAL_MODERATOR);
    private static final Set<Actor> MODERATORS_ANYWHERE = EnumSet.of(
            Actor.ADMIN,
            Actor.OWNER,
            Actor.CHANNEL_MODERATOR,
            Actor.OTHER_CHANNEL_MODERATOR,
            Actor.GLOBAL_MODERATOR,
            Actor.OTHER_STREAMER);
    private static final Set<Actor> OWNER_OF_PM = EnumSet.of(Actor.ADMIN, Actor.OWNER);
    private static final Set<Actor> STREAMERS = EnumSet.of(Actor.ADMIN, Actor.OWNER, Actor.OTHER_STREAMER);
    private static final Set<Actor> ADMIN = EnumSet.of(Actor.ADMIN);

    /**
     * One endpoint: its method and path template (as in the resource), the request to send, who may. The request is
     * made from a name nobody used yet ({@code fresh}); for {@code onVictim} rows a viewer of that name is registered
     * first, so that actions on a user act on someone of no rank.
     */
    record Row(
            String method,
            String template,
            Function<String, String> path,
            Function<String, Object> body,
            boolean onVictim,
            Set<Actor> allowed) {}

    /** A form body ({@code POST /auth/login}), sent without a token. */
    record Form(Map<String, String> fields) {}

    private static Row row(String method, String template, String path, Object body, Set<Actor> allowed) {
        return new Row(method, template, fresh -> path, fresh -> body, false, allowed);
    }

    /** A request that needs a name nobody used yet (a new account, a new channel) or reads state set up later. */
    private static Row fresh(
            String method, String template, String path, Function<String, Object> body, Set<Actor> allowed) {
        return new Row(method, template, fresh -> path, body, false, allowed);
    }

    private static Row onVictim(
            String method,
            String template,
            Function<String, String> path,
            Function<String, Object> body,
            Set<Actor> allowed) {
        return new Row(method, template, path, body, true, allowed);
    }

    /** A moderator action on a viewer in #pm. */
    private static Row sanction(String action) {
        return onVictim(
                "POST",
                "/api/admin/" + action,
                victim -> "/api/admin/" + action + "?channel=pm",
                victim -> Map.of("username", victim, "duration_seconds", 60),
                MODERATORS_OF_PM);
    }

    private static final AtomicInteger FRESH = new AtomicInteger();

    private static final List<Row> ROWS = List.of(
            fresh(
                    "POST",
                    "/auth/register",
                    "/auth/register",
                    name -> Map.of("username", name, "password", "secret1"),
                    EVERYONE),
            row(
                    "POST",
                    "/auth/login",
                    "/auth/login",
                    new Form(Map.of("username", "viewer_pm", "password", "secret1")),
                    EVERYONE),
            row("POST", "/auth/guest", "/auth/guest", null, EVERYONE),
            row(
                    "POST",
                    "/auth/password",
                    "/auth/password",
                    Map.of("current_password", "wrong!", "new_password", "x"),
                    ACCOUNTS),
            row("GET", "/auth/me", "/auth/me", null, WITH_TOKEN),
            row("GET", "/api/users/{username}", "/api/users/viewer_pm", null, MODERATORS_ANYWHERE),
            row("GET", "/api/admin/users", "/api/admin/users?query=pm", null, ADMIN),
            row("GET", "/api/admin/users/{username}", "/api/admin/users/viewer_pm", null, ADMIN),
            onVictim(
                    "PUT",
                    "/api/admin/users/{username}/role",
                    v -> "/api/admin/users/" + v + "/role",
                    v -> Map.of("role", "viewer"),
                    ADMIN),
            onVictim(
                    "POST",
                    "/api/admin/users/{username}/password",
                    v -> "/api/admin/users/" + v + "/password",
                    v -> null,
                    ADMIN),
            onVictim(
                    "POST",
                    "/api/admin/users/{username}/disable",
                    v -> "/api/admin/users/" + v + "/disable",
                    v -> null,
                    ADMIN),
            onVictim(
                    "POST",
                    "/api/admin/users/{username}/enable",
                    v -> "/api/admin/users/" + v + "/enable",
                    v -> null,
                    ADMIN),
            onVictim("DELETE", "/api/admin/users/{username}", v -> "/api/admin/users/" + v, v -> null, ADMIN),
            sanction("kick"),
            sanction("mute"),
            sanction("unmute"),
            sanction("warn"),
            sanction("ban"),
            sanction("unban"),
            row("POST", "/api/admin/reset_metrics", "/api/admin/reset_metrics?channel=pm", null, MODERATORS_OF_PM),
            row("GET", "/api/admin/audit", "/api/admin/audit?channel=pm", null, MODERATORS_OF_PM),
            row("GET", "/api/mod/threshold", "/api/mod/threshold?channel=pm", null, MODERATORS_OF_PM),
            row(
                    "PATCH",
                    "/api/mod/threshold",
                    "/api/mod/threshold?channel=pm",
                    Map.of("threshold", 0.6),
                    MODERATORS_OF_PM),
            row("GET", "/api/channels", "/api/channels", null, EVERYONE),
            fresh("POST", "/api/channels", "/api/channels", name -> Map.of("name", name), STREAMERS),
            row(
                    "PUT",
                    "/api/channels/{channel}/owner",
                    "/api/channels/pm/owner",
                    Map.of("username", "owner_pm"),
                    ADMIN),
            row("GET", "/api/channels/{channel}/moderators", "/api/channels/pm/moderators", null, MODERATORS_OF_PM),
            onVictim(
                    "PUT",
                    "/api/channels/{channel}/moderators/{username}",
                    v -> "/api/channels/pm/moderators/" + v,
                    v -> null,
                    OWNER_OF_PM),
            onVictim(
                    "DELETE",
                    "/api/channels/{channel}/moderators/{username}",
                    v -> "/api/channels/pm/moderators/" + v,
                    v -> null,
                    OWNER_OF_PM),
            row("GET", "/api/channels/{channel}/moderation", "/api/channels/pm/moderation", null, MODERATORS_OF_PM),
            row("GET", "/api/channels/{channel}/sanctions", "/api/channels/pm/sanctions", null, MODERATORS_OF_PM),
            // no such message: the channel's moderators get 404, everyone else is refused first
            row(
                    "PUT",
                    "/api/channels/{channel}/pin",
                    "/api/channels/pm/pin",
                    Map.of("message_id", 999999),
                    MODERATORS_OF_PM),
            row("DELETE", "/api/channels/{channel}/pin", "/api/channels/pm/pin", null, MODERATORS_OF_PM),
            row(
                    "DELETE",
                    "/api/channels/{channel}/messages/{id}",
                    "/api/channels/pm/messages/999999",
                    null,
                    MODERATORS_OF_PM),
            fresh(
                    "PUT",
                    "/api/channels/{channel}/moderation",
                    "/api/channels/pm/moderation",
                    name -> PermissionMatrixIT.moderationSettings, // read at call time: set by start()
                    MODERATORS_OF_PM),
            row("GET", "/api/gifts", "/api/gifts", null, EVERYONE),
            row("POST", "/api/gift", "/api/gift?channel=pm", Map.of("gift_id", 1, "amount", 1), ACCOUNTS),
            row("GET", "/api/moderation/labels", "/api/moderation/labels", null, ADMIN),
            row(
                    "POST",
                    "/api/moderate",
                    "/api/moderate?channel=pm",
                    Map.of("messages", List.of(Map.of("id", "1", "text", "hello"))),
                    MODERATORS_OF_PM),
            row("GET", "/api/moderation/queue", "/api/moderation/queue?channel=pm", null, MODERATORS_OF_PM),
            row(
                    "GET",
                    "/api/moderation/queue/{messageId}",
                    "/api/moderation/queue/987654321",
                    null,
                    MODERATORS_ANYWHERE),
            row(
                    "POST",
                    "/api/moderation/queue/{messageId}/decisions",
                    "/api/moderation/queue/987654321/decisions",
                    Map.of("decision", "allow"),
                    MODERATORS_ANYWHERE),
            row("GET", "/metrics", "/metrics?channel=pm", null, EVERYONE),
            row("GET", "/metrics/prometheus", "/metrics/prometheus", null, EVERYONE),
            row("GET", "/api/recent", "/api/recent?channel=pm", null, EVERYONE),
            row("GET", "/healthz", "/healthz", null, EVERYONE),
            row("GET", "/readyz", "/readyz", null, EVERYONE),
            row("GET", "/", "/", null, EVERYONE),
            row("GET", "/login", "/login", null, EVERYONE),
            row("GET", "/app", "/app", null, EVERYONE),
            row("GET", "/favicon.ico", "/favicon.ico", null, EVERYONE),
            row("GET", "/openapi.json", "/openapi.json", null, EVERYONE),
            row("GET", "/docs", "/docs", null, EVERYONE));

    private static TestServer server;
    private static Api api;
    private static final Map<Actor, String> TOKENS = new EnumMap<>(Actor.class);
    private static String moderationSettings;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.chat.openChannels = false);
        api = server.api();
        String admin = api.adminToken();
        api.register("owner_pm", "secret1");
        api.register("streamer_other", "secret1");
        api.register("chanmod_pm", "secret1");
        api.register("chanmod_other", "secret1");
        api.register("global_pm", "secret1");
        api.register("viewer_pm", "secret1");
        api.put("/api/admin/users/owner_pm/role", Map.of("role", "streamer"), admin);
        api.put("/api/admin/users/streamer_other/role", Map.of("role", "streamer"), admin);
        api.put("/api/admin/users/global_pm/role", Map.of("role", "moderator"), admin);
        String owner = api.login("owner_pm", "secret1");
        String otherStreamer = api.login("streamer_other", "secret1");
        assertThat(api.post("/api/channels", Map.of("name", "pm"), owner).status())
                .isEqualTo(201);
        assertThat(api.post("/api/channels", Map.of("name", "other"), otherStreamer)
                        .status())
                .isEqualTo(201);
        api.put("/api/channels/pm/moderators/chanmod_pm", "", owner);
        api.put("/api/channels/other/moderators/chanmod_other", "", otherStreamer);
        TOKENS.put(Actor.ADMIN, admin);
        TOKENS.put(Actor.OWNER, owner);
        TOKENS.put(Actor.CHANNEL_MODERATOR, api.login("chanmod_pm", "secret1"));
        TOKENS.put(Actor.OTHER_CHANNEL_MODERATOR, api.login("chanmod_other", "secret1"));
        TOKENS.put(Actor.GLOBAL_MODERATOR, api.login("global_pm", "secret1"));
        TOKENS.put(Actor.OTHER_STREAMER, otherStreamer);
        TOKENS.put(Actor.VIEWER, api.login("viewer_pm", "secret1"));
        TOKENS.put(Actor.GUEST, api.post("/auth/guest", "", null).text("access_token"));
        moderationSettings = api.get("/api/channels/pm/moderation", admin).body();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter()
                .importPackages("dev.safestream.server.transport.http")
                .that(com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(
                        Path.class))) {
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : resource.getMethods()) {
                String verb = m.isAnnotatedWith(GET.class)
                        ? "GET"
                        : m.isAnnotatedWith(POST.class)
                                ? "POST"
                                : m.isAnnotatedWith(PUT.class)
                                        ? "PUT"
                                        : m.isAnnotatedWith(DELETE.class)
                                                ? "DELETE"
                                                : m.isAnnotatedWith(PATCH.class) ? "PATCH" : null;
                if (verb != null) {
                    String sub = m.isAnnotatedWith(Path.class)
                            ? m.getAnnotationOfType(Path.class).value()
                            : "";
                    endpoints.add(verb + " " + base + sub);
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        ROWS.forEach(r -> covered.add(r.method() + " " + r.template()));
        assertThat(covered).as("rows of the permission table").containsAll(endpoints);
        assertThat(endpoints).hasSizeGreaterThan(40);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : ROWS) {
            for (Actor actor : Actor.values()) {
                Api.Response r = call(row, actor);
                boolean denied = r.status() == 401 || r.status() == 403;
                boolean allowed = row.allowed().contains(actor);
                int expectedDenial = actor == Actor.NO_TOKEN ? 401 : 403;
                if (allowed == denied || (!allowed && r.status() != expectedDenial)) {
                    wrong.add(row.method() + " " + row.template() + " as " + actor + ": " + r.status() + " "
                            + r.body().substring(0, Math.min(160, r.body().length())));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void webSocketActionsFollowTheSameRoles() {
        for (Actor actor : Actor.values()) {
            String token = TOKENS.get(actor);
            String user = actor == Actor.NO_TOKEN
                    ? "nobody"
                    : api.get("/auth/me", token).text("username");
            try (WsClient c = WsClient.connect(server.wsBase(), user, token, "channel=pm")) {
                if (actor == Actor.NO_TOKEN) {
                    assertThat(c.awaitClose()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
                    continue;
                }
                c.awaitType("welcome");
                c.chat("hello from " + actor);
                if (actor == Actor.GUEST) {
                    assertThat(c.await(e -> "forbidden".equals(e.path("error").asText())))
                            .isNotNull();
                } else {
                    c.awaitChat("hello from " + actor);
                }
            }
        }
    }

    private Api.Response call(Row row, Actor actor) {
        String token = TOKENS.get(actor);
        String fresh = "fresh" + FRESH.incrementAndGet();
        if (row.onVictim()) {
            api.register(fresh, "secret1");
        }
        String path = row.path().apply(fresh);
        Object body = row.body().apply(fresh);
        if (body instanceof Form form) {
            // login needs no token: whoever calls it gets the same answer
            return api.postForm(path, form.fields());
        }
        return switch (row.method()) {
            case "GET" -> api.get(path, token);
            case "POST" -> api.post(path, body == null ? "" : body, token);
            case "PUT" -> api.put(path, body == null ? "" : body, token);
            case "PATCH" -> api.patch(path, body == null ? "" : body, token);
            case "DELETE" -> api.delete(path, token);
            default -> throw new IllegalArgumentException(row.method());
        };
    }
}
