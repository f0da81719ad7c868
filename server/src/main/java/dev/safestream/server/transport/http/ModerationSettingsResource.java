package dev.safestream.server.transport.http;

import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET|PUT /api/channels/{channel}/moderation}: a channel's moderation settings (see
 * {@link ModerationSettings}). {@code PUT} replaces them; fields it leaves out take the server's defaults.
 */
@Tag(name = "moderation")
@Path("/api/channels/{channel}/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class ModerationSettingsResource {
    private final ModeratorActions actions;
    private final SettingsJson json;
    private final ModerationSettings defaults;

    ModerationSettingsResource(ModeratorActions actions, SettingsJson json, ModerationSettings defaults) {
        this.actions = actions;
        this.json = json;
        this.defaults = defaults;
    }

    @Operation(summary = "A channel's moderation settings")
    @GET
    public ModerationSettings get(@PathParam("channel") String channel, @Context ContainerRequestContext rq) {
        return actions.moderation(Caller.of(rq), channel);
    }

    @Operation(summary = "Replace a channel's moderation settings (fields left out take the defaults)")
    @RequestBody(content = @Content(schema = @Schema(implementation = ModerationSettings.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ModerationSettings put(
            @PathParam("channel") String channel, String body, @Context ContainerRequestContext rq) {
        return actions.updateModeration(Caller.of(rq), channel, json.parse(body, defaults));
    }
}
