package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.PinRequest;
import dev.safestream.protocol.rest.StatusResponse;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.moderation.workflow.Pins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code PUT|DELETE /api/channels/{channel}/pin}: a channel's one pinned message. */
@Tag(name = "moderation")
@Path("/api/channels/{channel}/pin")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class PinResource {
    private final Pins pins;

    PinResource(Pins pins) {
        this.pins = pins;
    }

    @Operation(
            summary = "Pin a message",
            description = "The channel's moderators and up; a message viewers can see (not blocked, held or deleted),"
                    + " which replaces the channel's pin. Everyone gets {\"type\":\"message_pinned\"}, and so does"
                    + " every client that joins later.")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusResponse pin(
            @PathParam("channel") String channel, PinRequest body, @Context ContainerRequestContext rq) {
        if (body == null || body.messageId() == null) {
            throw new IllegalArgumentException("message_id is required");
        }
        pins.pin(Caller.of(rq), channel, body.messageId());
        return new StatusResponse("pinned");
    }

    @Operation(
            summary = "Take the pin down",
            description = "Everyone gets {\"type\":\"message_unpinned\"}; \"not_pinned\" when there was none.")
    @DELETE
    public StatusResponse unpin(@PathParam("channel") String channel, @Context ContainerRequestContext rq) {
        return new StatusResponse(pins.unpin(Caller.of(rq), channel) ? "unpinned" : "not_pinned");
    }
}
