package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.StatusResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /healthz}: the process is up and serving HTTP. */
@Tag(name = "health")
@Path("/healthz")
public final class HealthResource {
    @Operation(summary = "Liveness: the process serves HTTP")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatusResponse health() {
        return new StatusResponse("healthy");
    }
}
