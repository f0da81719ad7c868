package dev.safestream.server.transport.http;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Request and response examples of the OpenAPI document: the REST golden fixtures that shared-protocol ships in
 * {@code dev/safestream/protocol/rest/} (its tests pin each one to its record), so the documented examples are the
 * tested wire format.
 */
final class ApiExamples {
    private static final String FIXTURES = "/dev/safestream/protocol/rest/";

    /** Fixture names for one operation: its request bodies, and its success response's status and bodies. */
    private record Examples(List<String> requests, String status, List<String> responses) {
        static Examples response(String status, String... responses) {
            return new Examples(List.of(), status, List.of(responses));
        }

        static Examples of(String request, String status, String... responses) {
            return new Examples(List.of(request), status, List.of(responses));
        }
    }

    /** By operation ({@code "POST /api/gift"}). */
    private static final Map<String, Examples> BY_OPERATION = Map.ofEntries(
            entry("POST /auth/register", Examples.of("register-request", "200", "token")),
            entry("POST /auth/login", Examples.response("200", "token", "token-temporary")),
            entry("POST /auth/guest", Examples.response("200", "token")),
            entry("POST /auth/password", Examples.of("password-change-request", "200", "token")),
            entry("GET /auth/me", Examples.response("200", "me")),
            entry("GET /healthz", Examples.response("200", "status-healthy")),
            entry("GET /readyz", Examples.response("200", "readiness")),
            entry("GET /metrics", Examples.response("200", "channel-figures")),
            entry("GET /api/recent", Examples.response("200", "recent")),
            entry("GET /api/gifts", Examples.response("200", "gift-catalogue")),
            entry(
                    "POST /api/gift",
                    new Examples(List.of("gift-request", "gift-request-catalogue"), "202", List.of("status-queued"))),
            entry("POST /api/admin/kick", Examples.of("user-action-request", "200", "kicked")),
            entry("POST /api/admin/mute", Examples.of("user-action-request", "200", "muted")),
            entry("POST /api/admin/unmute", Examples.of("user-action-request", "200", "unmuted")),
            entry("POST /api/admin/warn", Examples.of("user-action-request", "200", "warned")),
            entry("POST /api/admin/ban", Examples.of("user-action-request", "200", "banned")),
            entry("POST /api/admin/unban", Examples.of("user-action-request", "200", "unbanned")),
            entry("POST /api/admin/reset_metrics", Examples.response("200", "status-reset")),
            entry("GET /api/admin/audit", Examples.response("200", "audit")),
            entry("GET /api/channels/{channel}/sanctions", Examples.response("200", "sanctions")),
            entry("DELETE /api/channels/{channel}/messages/{id}", Examples.response("200", "status-deleted")),
            entry("PUT /api/channels/{channel}/pin", Examples.of("pin-request", "200", "status-pinned")),
            entry("GET /api/mod/threshold", Examples.response("200", "threshold")),
            entry("PATCH /api/mod/threshold", Examples.of("threshold", "200", "threshold")),
            entry("GET /api/moderation/queue", Examples.response("200", "review-queue")),
            entry("GET /api/moderation/queue/{messageId}", Examples.response("200", "review-item")),
            entry(
                    "POST /api/moderation/queue/{messageId}/decisions",
                    Examples.of("decision-request", "200", "review-decided")),
            entry("POST /api/moderate", Examples.of("moderate-request", "200", "moderate-response")),
            entry("GET /api/users/{username}", Examples.response("200", "user-profile")),
            entry("GET /api/channels", Examples.response("200", "channel-list")),
            entry("POST /api/channels", Examples.of("channel-create-request", "201", "channel")),
            entry("PUT /api/channels/{channel}/owner", Examples.of("channel-owner-request", "200", "channel")),
            entry("GET /api/channels/{channel}/moderation", Examples.response("200", "moderation-settings")),
            entry(
                    "PUT /api/channels/{channel}/moderation",
                    Examples.of("moderation-settings", "200", "moderation-settings")),
            entry("GET /api/channels/{channel}/moderators", Examples.response("200", "moderators")),
            entry("PUT /api/channels/{channel}/moderators/{username}", Examples.response("200", "role-change")),
            entry("DELETE /api/channels/{channel}/moderators/{username}", Examples.response("200", "role-change")),
            entry("GET /api/admin/users", Examples.response("200", "account-page")),
            entry("GET /api/admin/users/{username}", Examples.response("200", "account")),
            entry("PUT /api/admin/users/{username}/role", Examples.of("role-request", "200", "account")),
            entry(
                    "POST /api/admin/users/{username}/password",
                    Examples.of("password-reset-request", "200", "temporary-password")),
            entry("POST /api/admin/users/{username}/disable", Examples.response("200", "account")),
            entry("POST /api/admin/users/{username}/enable", Examples.response("200", "account")),
            entry("DELETE /api/admin/users/{username}", Examples.response("200", "account-deleted")));

    /** Error examples, by status. */
    static final Map<String, String> ERRORS = Map.of(
            "400", "error-bad-request",
            "401", "error-unauthorized",
            "403", "error-forbidden",
            "404", "error-not-found",
            "413", "error-too-large",
            "429", "error-too-many");

    private ApiExamples() {}

    static void addTo(String operationKey, Operation operation) {
        Examples examples = BY_OPERATION.get(operationKey);
        if (examples == null) {
            return;
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                examples.requests().forEach(name -> json.addExamples(name, example(name)));
            }
        }
        ApiResponse success = operation.getResponses().get(examples.status());
        if (success != null && success.getContent() != null) {
            MediaType json = success.getContent().get("application/json");
            if (json != null) {
                examples.responses().forEach(name -> json.addExamples(name, example(name)));
            }
        }
    }

    /** The error fixture for a status, as a response body example. */
    static void addErrorExample(String status, Content content) {
        String name = ERRORS.get(status);
        content.get("application/json").addExamples(name, example(name));
    }

    static Example example(String name) {
        return new Example().value(fixture(name));
    }

    static JsonNode fixture(String name) {
        try (InputStream in = ApiExamples.class.getResourceAsStream(FIXTURES + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("REST fixture " + name + " is missing from shared-protocol");
            }
            return Json31.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
