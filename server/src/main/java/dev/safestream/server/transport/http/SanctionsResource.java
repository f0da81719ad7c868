package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.ActiveSanction;
import dev.safestream.protocol.rest.SanctionList;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import dev.safestream.server.moderation.workflow.Sanction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** {@code GET /api/channels/{channel}/sanctions}: the bans and mutes in force, with expiry, issuer and reason. */
@Tag(name = "moderation")
@Path("/api/channels/{channel}/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class SanctionsResource {
    private final ModeratorActions actions;

    SanctionsResource(ModeratorActions actions) {
        this.actions = actions;
    }

    @Operation(
            summary = "The bans and mutes in force in a channel",
            description = "Bans first, then by name; lift one with POST /api/admin/unban or /api/admin/unmute.")
    @GET
    public SanctionList list(@PathParam("channel") String channel, @Context ContainerRequestContext rq) {
        return new SanctionList(
                channel,
                actions.sanctions(Caller.of(rq), channel).stream()
                        .map(SanctionsResource::view)
                        .toList());
    }

    private static ActiveSanction view(Sanction s) {
        return new ActiveSanction(
                s.username(), s.kind().name().toLowerCase(Locale.ROOT), s.until(), s.reason(), s.issuedBy());
    }
}
