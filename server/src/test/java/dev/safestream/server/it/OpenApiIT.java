package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /openapi.json} against the code: every resource method of the REST package is in the document, the
 * document validates as OpenAPI 3.1, protected operations carry the bearer requirement and their errors, and the
 * documented examples work when sent.
 */
@Timeout(120)
class OpenApiIT {
    private static final String REST_PACKAGE = "dev.safestream.server.transport.http";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static TestServer server;
    private static Api api;
    private static Api.Response document;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        document = api.get("/openapi.json", null);
        try {
        } catch (Exception e) {
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsServedWithoutATokenAndValidatesAsOpenApi31() {
        assertThat(document.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, options);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI()
                        .getComponents()
                        .getSecuritySchemes()
                        .get("bearer")
                        .getBearerFormat())
                .isEqualTo("JWT");
    }

    @Test
    void everyResourceMethodIsDocumented() {
        assertThat(documentedOperations()).isEqualTo(resourceMethods());
    }

    @Test
    void protectedOperationsNameTheirPermissionAndCarryTheBearerRequirementAndAuthErrors() {
        JsonNode kick = operation("post", "/api/admin/kick");
        assertThat(kick.path("x-permission").asText()).isEqualTo("moderate");
        assertThat(kick.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(kick.path("description").asText()).contains("`moderate`", "channel's owner and moderators");
        assertThat(kick.path("responses").path("401").path("$ref").asText()).endsWith("/Unauthorized");
        assertThat(kick.path("responses").path("403").path("$ref").asText()).endsWith("/Forbidden");

        JsonNode users = operation("get", "/api/admin/users");
        assertThat(users.path("description").asText()).contains("`administer`", "roles: admin");

        JsonNode changePassword = operation("post", "/auth/password");
        assertThat(changePassword.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(changePassword.has("x-permission")).isFalse();

        JsonNode channels = operation("get", "/api/channels");
        assertThat(channels.has("security")).isFalse();
        assertThat(channels.path("description").asText()).contains("public");
    }

    @Test
    void errorsShareTheDetailStatusTitleShape() {
        JsonNode error = document.json().path("components").path("schemas").path("ErrorBody");
        assertThat(error.path("properties").has("detail")).isTrue();
        assertThat(error.path("properties").has("status")).isTrue();
        assertThat(error.path("properties").has("title")).isTrue();
        JsonNode responses = document.json().path("components").path("responses");
        for (String name : new String[] {
            "BadRequest", "Unauthorized", "Forbidden", "NotFound", "ContentTooLarge", "TooManyRequests"
        }) {
            assertThat(responses
                            .path(name)
                            .path("content")
                            .path("application/json")
                            .path("schema")
                            .path("$ref")
                            .asText())
                    .as(name)
                    .isEqualTo("#/components/schemas/ErrorBody");
        }
    }

    @Test
    void theOriginalDesignsGiftExampleIsDocumentedAndAccepted() {
        JsonNode example = operation("post", "/api/gift")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("gift-request")
                .path("value");
        assertThat(example.toString()).isEqualTo("{\"from\":\"admin\",\"gift_id\":999,\"amount\":1}");
        Api.Response sent = api.post("/api/gift", example.toString(), api.adminToken());
        assertThat(sent.status()).isEqualTo(202);
        assertThat(operation("post", "/api/gift").path("responses").has("202")).isTrue();
    }

    @Test
    void theDocumentedRecordSchemasUseTheWireNames() {
        JsonNode schemas = document.json().path("components").path("schemas");
        assertThat(schemas.toString()).contains("\"gift_id\"", "\"access_token\"", "\"message_id\"");
    }

    private static JsonNode operation(String method, String path) {
        JsonNode operation = document.json().path("paths").path(path).path(method);
        assertThat(operation.isMissingNode())
                .as("%s %s in the document", method, path)
                .isFalse();
        return operation;
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.json().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (HTTP_METHODS.contains(method.getKey())) {
                    operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Every {@code @GET/@POST/...} method of every {@code @Path} class in the REST package, found by scanning it. */
    private static Set<String> resourceMethods() {
        Set<String> operations = new TreeSet<>();
        for (JavaClass scanned : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(REST_PACKAGE)) {
            Class<?> type = scanned.reflect();
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isAnnotationPresent(Hidden.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(http + " " + join(root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        assertThat(operations).as("resource methods found by the scan").hasSizeGreaterThan(30);
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
