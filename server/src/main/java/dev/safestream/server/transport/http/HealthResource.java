package dev.safestream.server.transport.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /healthz}: the process is up and serving HTTP. */
@Path("/healthz")
public final class HealthResource {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dtos.StatusResponse health() {
        return new Dtos.StatusResponse("healthy");
    }
}
