package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.StatusResponse;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code DELETE /api/channels/{channel}/messages/{id}}: a moderator takes a shown message back. */
@Tag(name = "moderation")
@Path("/api/channels/{channel}/messages/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class MessagesResource {
    private final ModeratorActions actions;

    MessagesResource(ModeratorActions actions) {
        this.actions = actions;
    }

    @Operation(
            summary = "Delete a message for everyone",
            description = "The channel's moderators and up, outranking the author. Everyone in the channel gets"
                    + " {\"type\":\"message_deleted\"}; the message leaves /api/recent and catch-up, and stays stored"
                    + " and audited. \"already_deleted\" when it was.")
    @DELETE
    public StatusResponse delete(
            @PathParam("channel") String channel,
            @PathParam("id") long id,
            @QueryParam("reason") String reason,
            @Context ContainerRequestContext rq) {
        boolean deleted = actions.deleteMessage(Caller.of(rq), channel, id, reason);
        return new StatusResponse(deleted ? "deleted" : "already_deleted");
    }
}
