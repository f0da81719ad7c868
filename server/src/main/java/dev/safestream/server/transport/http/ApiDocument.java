package dev.safestream.server.transport.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.safestream.protocol.rest.ErrorBody;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Role;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The REST API's OpenAPI 3.1 document, built once at startup. swagger-core's JAX-RS reader reads paths, parameters,
 * body types and the {@code @Operation} summaries from the resources; this class adds what the reader cannot see: who
 * may call each operation ({@link Requires}, as a description line, an {@code x-permission} extension and the bearer
 * security requirement), the shared error responses ({@link ErrorBody}) and the examples ({@link ApiExamples}).
 */
final class ApiDocument {
    static final String BEARER = "bearer";
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorBody";

    /** The error responses every operation may give, by status: the component name and when it happens. */
    private record ErrorResponse(String component, String description) {}

    private static final Map<String, ErrorResponse> ERRORS = errors();

    private ApiDocument() {}

    private static Map<String, ErrorResponse> errors() {
        Map<String, ErrorResponse> errors = new LinkedHashMap<>();
        errors.put("400", new ErrorResponse("BadRequest", "The request is invalid: a field missing or out of range."));
        errors.put(
                "401",
                new ErrorResponse(
                        "Unauthorized",
                        "No valid bearer token (missing, expired, revoked, or the account is disabled)."
                                + " The response carries `WWW-Authenticate: Bearer`."));
        errors.put("403", new ErrorResponse("Forbidden", "The caller's role lacks the permission this needs."));
        errors.put("404", new ErrorResponse("NotFound", "No such user, channel or message."));
        errors.put(
                "413",
                new ErrorResponse(
                        "ContentTooLarge", "The body is larger than MAX_REQUEST_BYTES; the connection is closed."));
        errors.put(
                "429",
                new ErrorResponse(
                        "TooManyRequests",
                        "A rate limit applies (logins, registrations, guest tokens, gifts); `Retry-After` says in how"
                                + " many seconds to try again."));
        return errors;
    }

    /** The document as JSON. */
    static String json(Collection<Class<?>> resources, String version) {
        try {
            return Json31.pretty().writeValueAsString(build(resources, version));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenAPI build(Collection<Class<?>> resources, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("SafeStream API")
                        .version(version)
                        .description("REST API of a SafeStream server. Live chat itself travels on the WebSocket"
                                + " at `/ws/{username}?token=...&channel=...` (see the README). Errors are"
                                + " `{\"detail\",\"status\",\"title\"}`. Log in with `POST /auth/login` (or"
                                + " `/auth/guest`), then press *Authorize* and paste the `access_token`.")
                        .license(new License().name("MIT").url("https://opensource.org/licenses/MIT")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The `access_token` from `POST /auth/login`,"
                                                + " `/auth/register` or `/auth/guest`.")));
        SwaggerConfiguration config =
                new SwaggerConfiguration().openAPI(base).openAPI31(true).sortOutput(true);
        Reader reader = new Reader(config);
        OpenAPI api = reader.read(new LinkedHashSet<>(resources));
        ModelConverters.getInstance(true).readAll(ErrorBody.class).forEach(api.getComponents()::addSchemas);
        ERRORS.forEach(
                (status, error) -> api.getComponents().addResponses(error.component(), errorResponse(status, error)));
        // two Java methods may share one operation (a form read as urlencoded or as multipart): describe it once
        Map<String, ResourceMethods.Endpoint> operations = new LinkedHashMap<>();
        ResourceMethods.of(resources).forEach(e -> operations.putIfAbsent(e.httpMethod() + " " + e.path(), e));
        for (ResourceMethods.Endpoint endpoint : operations.values()) {
            PathItem item = api.getPaths().get(endpoint.path());
            Operation operation = item == null
                    ? null
                    : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.httpMethod()));
            if (operation != null) {
                successIsOk(operation);
                describeAccess(operation, endpoint.requires());
                addErrors(operation, endpoint);
                ApiExamples.addTo(endpoint.httpMethod() + " " + endpoint.path(), operation);
            }
        }
        return api;
    }

    private static ApiResponse errorResponse(String status, ErrorResponse error) {
        Content content = new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)));
        ApiExamples.addErrorExample(status, content);
        return new ApiResponse().description(error.description()).content(content);
    }

    /** The reader files a method's return type under {@code default}; unless the method says otherwise, that is 200. */
    private static void successIsOk(Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean declared = responses.keySet().stream().anyMatch(status -> status.matches("[23]\\d\\d"));
        ApiResponse fallback = responses.get("default");
        if (!declared && fallback != null) {
            responses.remove("default");
            responses.addApiResponse("200", fallback.description("OK"));
        }
    }

    private static void describeAccess(Operation operation, Requires requires) {
        boolean authenticated =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        String access;
        if (requires != null) {
            operation.addExtension("x-permission", wireName(requires.value()));
            if (!authenticated) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            access = accessLine(requires);
        } else if (authenticated) {
            access = "**Access:** any valid bearer token.";
        } else {
            access = "**Access:** public, no token needed.";
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? access : description + "\n\n" + access);
    }

    private static String accessLine(Requires requires) {
        String roles = Arrays.stream(Role.values())
                .filter(role -> role.allows(requires.value()))
                .map(Role::wireName)
                .collect(Collectors.joining(", "));
        String permission = "`" + wireName(requires.value()) + "`";
        return switch (requires.scope()) {
            case SITE -> "**Access:** bearer token with the " + permission + " permission (roles: " + roles + ").";
            case SOME_CHANNEL ->
                "**Access:** bearer token with the " + permission + " permission in the channel it acts on: site "
                        + roles + ", or that channel's owner and moderators.";
        };
    }

    private static void addErrors(Operation operation, ResourceMethods.Endpoint endpoint) {
        ApiResponses responses = operation.getResponses();
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        addError(responses, "400");
        if (secured) {
            addError(responses, "401");
        }
        if (endpoint.requires() != null) {
            addError(responses, "403");
        }
        if (endpoint.path().contains("{")) {
            addError(responses, "404");
        }
        if (operation.getRequestBody() != null) {
            addError(responses, "413");
        }
        addError(responses, "429");
    }

    private static void addError(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .$ref("#/components/responses/" + ERRORS.get(status).component()));
        }
    }

    private static String wireName(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT);
    }
}
