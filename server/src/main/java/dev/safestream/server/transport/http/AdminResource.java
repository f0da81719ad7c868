package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.AuditRecord;
import dev.safestream.protocol.rest.StatusResponse;
import dev.safestream.protocol.rest.Threshold;
import dev.safestream.protocol.rest.UserActionRequest;
import dev.safestream.protocol.rest.UserActionResult;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.moderation.workflow.AuditEntry;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import dev.safestream.server.moderation.workflow.Sanction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * Moderator and admin actions ({@code /api/admin/*}, {@code /api/mod/threshold}). Every method requires
 * {@link Permission#MODERATE}; a channel may be named in the body or the query ({@code main} by default).
 */
@Tag(name = "moderation")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class AdminResource {
    private final ModeratorActions actions;

    AdminResource(ModeratorActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Close a user's connections to a channel")
    @POST
    @Path("/admin/kick")
    public UserActionResult kick(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        int closed = actions.kick(
                Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason(), b.clearing());
        return UserActionResult.kicked(b.username(), closed);
    }

    @Operation(summary = "Mute a user in a channel for a while")
    @POST
    @Path("/admin/mute")
    public UserActionResult mute(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        Duration duration =
                b.durationSeconds() == null ? ModeratorActions.DEFAULT_MUTE : Duration.ofSeconds(b.durationSeconds());
        Sanction mute = actions.mute(
                Caller.of(rq), Params.channel(b.channel(), channel), b.username(), duration, b.reason(), b.clearing());
        return UserActionResult.muted(b.username(), mute.until());
    }

    @Operation(summary = "Lift a mute")
    @POST
    @Path("/admin/unmute")
    public UserActionResult unmute(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        boolean was = actions.unmute(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return UserActionResult.unmuted(b.username(), was);
    }

    @Operation(
            summary = "Ban a user from a channel",
            description = "For duration_seconds when given (at most a year), else until lifted.")
    @POST
    @Path("/admin/ban")
    public UserActionResult ban(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        actions.ban(
                Caller.of(rq),
                Params.channel(b.channel(), channel),
                b.username(),
                b.durationSeconds() == null ? null : Duration.ofSeconds(b.durationSeconds()),
                b.reason(),
                b.clearing());
        return UserActionResult.banned(b.username());
    }

    @Operation(
            summary = "Warn a user in a channel",
            description = "Their connections there get {\"type\":\"warned\",\"reason\":…}; their chat is refused"
                    + " until they send {\"type\":\"acknowledge_warning\"}. Audited; shown in the user card.")
    @POST
    @Path("/admin/warn")
    public UserActionResult warn(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        actions.warn(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return UserActionResult.warned(b.username());
    }

    @Operation(summary = "Lift a ban")
    @POST
    @Path("/admin/unban")
    public UserActionResult unban(
            UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        UserActionRequest b = required(body);
        boolean was = actions.unban(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return UserActionResult.unbanned(b.username(), was);
    }

    @Operation(summary = "Reset a channel's figures")
    @POST
    @Path("/admin/reset_metrics")
    public StatusResponse resetMetrics(@QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        actions.resetMetrics(Caller.of(rq), Params.channel(null, channel));
        return new StatusResponse("reset");
    }

    @Operation(summary = "A channel's moderation audit log, newest first")
    @GET
    @Path("/admin/audit")
    public List<AuditRecord> audit(
            @QueryParam("channel") String channel,
            @QueryParam("limit") Integer limit,
            @Context ContainerRequestContext rq) {
        return actions.auditLog(Caller.of(rq), Params.channel(null, channel), Params.limit(limit, 100, 1000)).stream()
                .map(AdminResource::record)
                .toList();
    }

    @Operation(summary = "A channel's flag threshold")
    @GET
    @Path("/mod/threshold")
    public Threshold threshold(@QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        String name = Params.channel(null, channel);
        return new Threshold(actions.threshold(Caller.of(rq), name), name);
    }

    @Operation(summary = "Set a channel's flag threshold")
    @PATCH
    @Path("/mod/threshold")
    public Threshold setThreshold(
            Threshold body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        if (body == null || body.threshold() == null) {
            throw new IllegalArgumentException("threshold is required");
        }
        String name = Params.channel(body.channel(), channel);
        Principal caller = Caller.of(rq);
        return new Threshold(actions.setThreshold(caller, name, body.threshold()), name);
    }

    private static AuditRecord record(AuditEntry e) {
        return new AuditRecord(e.channel(), e.actor(), e.action(), e.target(), e.reason(), e.durationSeconds(), e.at());
    }

    private static UserActionRequest required(UserActionRequest body) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        return body;
    }
}
