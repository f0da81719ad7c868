package dev.safestream.server.transport.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: whether this server can do its job now: 200 when every check passes, else 503. Each check
 * says {@code ok} and, when not, why. {@code /healthz} stays the cheap liveness answer.
 */
@Tag(name = "health")
@Path("/readyz")
public final class ReadinessResource {
    /** One check's outcome; {@code detail} is null when it passed. */
    public record Check(boolean ok, String detail) {}

    /** The response body: {@code status} is {@code ready} or {@code not_ready}. */
    public record Readiness(String status, Map<String, Check> checks) {}

    private final Supplier<Map<String, Check>> checks;

    ReadinessResource(Supplier<Map<String, Check>> checks) {
        this.checks = checks;
    }

    @Operation(summary = "Readiness: 200 when every check passes, else 503")
    @ApiResponse(
            responseCode = "200",
            description = "Ready",
            content = @Content(schema = @Schema(implementation = Readiness.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Not ready: the failing checks say why",
            content = @Content(schema = @Schema(implementation = Readiness.class)))
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        Map<String, Check> results = checks.get();
        boolean ready = results.values().stream().allMatch(Check::ok);
        return Response.status(ready ? 200 : 503)
                .entity(new Readiness(ready ? "ready" : "not_ready", results))
                .build();
    }
}
