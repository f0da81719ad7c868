package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.ChannelCreateRequest;
import dev.safestream.protocol.rest.ChannelInfo;
import dev.safestream.protocol.rest.ChannelList;
import dev.safestream.protocol.rest.ChannelModerators;
import dev.safestream.protocol.rest.ChannelOwnerRequest;
import dev.safestream.protocol.rest.ChannelRoleChange;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.auth.ChannelAdministration.ChannelView;
import dev.safestream.server.auth.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Channels and their roles: {@code GET /api/channels} (anyone), {@code POST /api/channels} (streamers, admins),
 * {@code PUT /api/channels/{channel}/owner} (admins), {@code GET /api/channels/{channel}/moderators} (the channel's
 * moderators and up), {@code PUT|DELETE /api/channels/{channel}/moderators/{username}} (owner, admins).
 */
@Tag(name = "channels")
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelsResource {
    private final ChannelAdministration channels;

    ChannelsResource(ChannelAdministration channels) {
        this.channels = channels;
    }

    @Operation(summary = "List channels with their owners and moderators")
    @GET
    public ChannelList list() {
        return new ChannelList(
                channels.list().stream().map(ChannelsResource::info).toList());
    }

    @Operation(summary = "Create a channel you own")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ChannelInfo.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CREATE_CHANNEL)
    public Response create(ChannelCreateRequest body, @Context ContainerRequestContext rq) {
        ChannelView created = channels.create(Caller.of(rq), body == null ? null : body.name());
        return Response.status(201).entity(info(created)).build();
    }

    @Operation(summary = "Hand a channel to another owner")
    @PUT
    @Path("/{channel}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ADMINISTER)
    public ChannelInfo owner(
            @PathParam("channel") String channel, ChannelOwnerRequest body, @Context ContainerRequestContext rq) {
        return info(channels.setOwner(Caller.of(rq), channel, body == null ? null : body.username()));
    }

    @Operation(summary = "A channel's moderators")
    @GET
    @Path("/{channel}/moderators")
    @Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
    public ChannelModerators moderators(@PathParam("channel") String channel, @Context ContainerRequestContext rq) {
        return new ChannelModerators(channel, channels.moderators(Caller.of(rq), channel));
    }

    @Operation(summary = "Appoint a channel moderator")
    @PUT
    @Path("/{channel}/moderators/{username}")
    @Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
    public ChannelRoleChange appoint(
            @PathParam("channel") String channel,
            @PathParam("username") String username,
            @Context ContainerRequestContext rq) {
        return new ChannelRoleChange(channel, username, channels.appoint(Caller.of(rq), channel, username));
    }

    @Operation(summary = "Dismiss a channel moderator")
    @DELETE
    @Path("/{channel}/moderators/{username}")
    @Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
    public ChannelRoleChange dismiss(
            @PathParam("channel") String channel,
            @PathParam("username") String username,
            @Context ContainerRequestContext rq) {
        return new ChannelRoleChange(channel, username, channels.dismiss(Caller.of(rq), channel, username));
    }

    private static ChannelInfo info(ChannelView view) {
        return new ChannelInfo(view.name(), view.owner(), view.moderators());
    }
}
