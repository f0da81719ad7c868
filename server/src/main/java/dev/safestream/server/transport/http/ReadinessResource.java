package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.Readiness;
import dev.safestream.protocol.rest.ReadinessCheck;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: whether this server can do its job now: 200 when every check passes, else 503. Each check
 * says {@code ok} and, when not, why. {@code /healthz} stays the cheap liveness answer.
 */
@Tag(name = "health")
@Path("/readyz")
public final class ReadinessResource {
    /** One check's outcome as the server's wiring reports it; {@code detail} is null when it passed. */
    public record Check(boolean ok, String detail) {}

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
        Map<String, ReadinessCheck> results = new LinkedHashMap<>();
        checks.get().forEach((name, check) -> results.put(name, new ReadinessCheck(check.ok(), check.detail())));
        boolean ready = results.values().stream().allMatch(ReadinessCheck::ok);
        return Response.status(ready ? 200 : 503)
                .entity(new Readiness(ready ? "ready" : "not_ready", results))
                .build();
    }
}
