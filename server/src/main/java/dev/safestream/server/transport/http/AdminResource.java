package dev.safestream.server.transport.http;

import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.chat.AuditEntry;
import dev.safestream.server.chat.ModeratorActions;
import dev.safestream.server.chat.Sanction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public Map<String, Object> kick(
            Dtos.UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        Dtos.UserActionRequest b = required(body);
        int closed = actions.kick(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return result("kicked", b.username(), Map.of("connections_closed", closed));
    }

    @Operation(summary = "Mute a user in a channel for a while")
    @POST
    @Path("/admin/mute")
    public Map<String, Object> mute(
            Dtos.UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        Dtos.UserActionRequest b = required(body);
        Duration duration =
                b.durationSeconds() == null ? ModeratorActions.DEFAULT_MUTE : Duration.ofSeconds(b.durationSeconds());
        Sanction mute =
                actions.mute(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), duration, b.reason());
        return result("muted", b.username(), Map.of("muted_until", mute.until().toString()));
    }

    @Operation(summary = "Lift a mute")
    @POST
    @Path("/admin/unmute")
    public Map<String, Object> unmute(
            Dtos.UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        Dtos.UserActionRequest b = required(body);
        boolean was = actions.unmute(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return result("unmuted", b.username(), Map.of("was_muted", was));
    }

    @Operation(summary = "Ban a user from a channel")
    @POST
    @Path("/admin/ban")
    public Map<String, Object> ban(
            Dtos.UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        Dtos.UserActionRequest b = required(body);
        actions.ban(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return result("banned", b.username(), Map.of());
    }

    @Operation(summary = "Lift a ban")
    @POST
    @Path("/admin/unban")
    public Map<String, Object> unban(
            Dtos.UserActionRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        Dtos.UserActionRequest b = required(body);
        boolean was = actions.unban(Caller.of(rq), Params.channel(b.channel(), channel), b.username(), b.reason());
        return result("unbanned", b.username(), Map.of("was_banned", was));
    }

    @Operation(summary = "Reset a channel's figures")
    @POST
    @Path("/admin/reset_metrics")
    public Dtos.StatusResponse resetMetrics(
            @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        actions.resetMetrics(Caller.of(rq), Params.channel(null, channel));
        return new Dtos.StatusResponse("reset");
    }

    @Operation(summary = "A channel's moderation audit log, newest first")
    @GET
    @Path("/admin/audit")
    public List<AuditEntry> audit(
            @QueryParam("channel") String channel,
            @QueryParam("limit") Integer limit,
            @Context ContainerRequestContext rq) {
        return actions.auditLog(Caller.of(rq), Params.channel(null, channel), Params.limit(limit, 100, 1000));
    }

    @Operation(summary = "A channel's flag threshold")
    @GET
    @Path("/mod/threshold")
    public Dtos.ThresholdBody threshold(@QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        String name = Params.channel(null, channel);
        return new Dtos.ThresholdBody(actions.threshold(Caller.of(rq), name), name);
    }

    @Operation(summary = "Set a channel's flag threshold")
    @PATCH
    @Path("/mod/threshold")
    public Dtos.ThresholdBody setThreshold(
            Dtos.ThresholdBody body, @QueryParam("channel") String channel, @Context ContainerRequestContext rq) {
        if (body == null || body.threshold() == null) {
            throw new IllegalArgumentException("threshold is required");
        }
        String name = Params.channel(body.channel(), channel);
        Principal caller = Caller.of(rq);
        return new Dtos.ThresholdBody(actions.setThreshold(caller, name, body.threshold()), name);
    }

    private static Dtos.UserActionRequest required(Dtos.UserActionRequest body) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        return body;
    }

    private static Map<String, Object> result(String status, String username, Map<String, Object> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("username", username);
        out.putAll(extra);
        return out;
    }
}
