package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.CatalogueGift;
import dev.safestream.protocol.rest.GiftRequest;
import dev.safestream.protocol.rest.StatusResponse;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.gifts.GiftService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code POST /api/gift}, {@code GET /api/gifts}. */
@Tag(name = "gifts")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class GiftResource {
    private final GiftService gifts;

    GiftResource(GiftService gifts) {
        this.gifts = gifts;
    }

    @Operation(summary = "The gift catalogue")
    @GET
    @Path("/gifts")
    public List<CatalogueGift> catalogue() {
        return gifts.catalogue().all().stream()
                .map(g -> new CatalogueGift(g.id(), g.name(), g.coins()))
                .toList();
    }

    @Operation(summary = "Send a gift (any positive gift_id; catalogue ids keep their name and value)")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the gift is queued for broadcast",
            content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @POST
    @Path("/gift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SEND_GIFT)
    public Response send(
            GiftRequest body, @QueryParam("channel") String channel, @Context ContainerRequestContext request) {
        if (body == null || body.giftId() == null || body.amount() == null) {
            throw new IllegalArgumentException("gift_id and amount are required");
        }
        gifts.send(
                Caller.of(request), Params.channel(body.channel(), channel), body.from(), body.giftId(), body.amount());
        return Response.accepted(new StatusResponse("queued")).build();
    }
}
