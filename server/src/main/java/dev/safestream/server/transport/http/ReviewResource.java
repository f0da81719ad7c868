package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.ModeratorDecision;
import dev.safestream.protocol.rest.ReviewDecisionRequest;
import dev.safestream.protocol.rest.ReviewItem;
import dev.safestream.protocol.rest.ReviewOutcome;
import dev.safestream.protocol.rest.ReviewQueuePage;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.moderation.ReviewDecision;
import dev.safestream.server.moderation.workflow.HeldMessage;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import dev.safestream.server.moderation.workflow.ReviewQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The hold-for-review queue: {@code GET /api/moderation/queue?channel=&state=pending|decided},
 * {@code GET /api/moderation/queue/{messageId}}, {@code POST /api/moderation/queue/{messageId}/decisions}. See
 * {@link ReviewQueue} for how several moderators' decisions merge.
 */
@Tag(name = "review queue")
@Path("/api/moderation/queue")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class ReviewResource {
    private final ReviewQueue queue;

    ReviewResource(ReviewQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "Held messages waiting for review, or decided ones")
    @GET
    public ReviewQueuePage list(
            @QueryParam("channel") String channel,
            @QueryParam("state") String state,
            @QueryParam("limit") Integer limit,
            @Context ContainerRequestContext rq) {
        String name = Params.channel(null, channel);
        String which = state == null || state.isBlank() ? "pending" : state;
        List<HeldMessage> held =
                switch (which) {
                    case "pending" -> queue.pending(Caller.of(rq), name);
                    case "decided" -> queue.decided(Caller.of(rq), name, Params.limit(limit, 100, 1000));
                    default -> throw new IllegalArgumentException("state must be pending or decided");
                };
        List<ReviewItem> items = held.stream().map(ReviewResource::item).toList();
        return new ReviewQueuePage(name, which, items.size(), items);
    }

    @Operation(summary = "One held message with its decisions")
    @GET
    @Path("/{messageId}")
    public ReviewItem one(@PathParam("messageId") long messageId, @Context ContainerRequestContext rq) {
        return item(queue.find(Caller.of(rq), messageId));
    }

    @Operation(summary = "Decide on a held message: approve, highlight or reject")
    @POST
    @Path("/{messageId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewOutcome decide(
            @PathParam("messageId") long messageId, ReviewDecisionRequest body, @Context ContainerRequestContext rq) {
        if (body == null) {
            throw new IllegalArgumentException("JSON body with decision (approve, highlight or reject) is required");
        }
        if (body.reason() != null && body.reason().length() > 500) {
            throw new IllegalArgumentException("reason must be at most 500 characters");
        }
        ReviewQueue.Outcome outcome =
                queue.decide(Caller.of(rq), messageId, ReviewDecision.fromWireName(body.decision()), body.reason());
        return new ReviewOutcome(item(outcome.message()), outcome.published());
    }

    private static ReviewItem item(HeldMessage h) {
        ModeratedMessage m = h.message();
        return new ReviewItem(
                m.id(),
                m.channel(),
                m.user(),
                m.text(),
                m.assessment().score(),
                m.assessment().categories().isEmpty() ? null : m.assessment().categories(),
                m.assessment().explanation(),
                m.ts(),
                h.state().wireName(),
                h.published(),
                h.decisions().stream()
                        .map(d -> new ModeratorDecision(
                                d.moderator(), d.decision().wireName(), d.reason(), d.at()))
                        .toList());
    }
}
