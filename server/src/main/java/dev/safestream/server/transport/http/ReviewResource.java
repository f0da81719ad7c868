package dev.safestream.server.transport.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.safestream.protocol.Explanation;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.chat.HeldMessage;
import dev.safestream.server.chat.ModeratedMessage;
import dev.safestream.server.chat.ReviewQueue;
import dev.safestream.server.moderation.ReviewDecision;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    record DecisionRequest(String decision, String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionBody(String moderator, String decision, String reason, Instant ts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            @JsonProperty("message_id") long messageId,
            String channel,
            String user,
            String text,
            double score,
            Map<String, Double> categories,
            Explanation explanation,
            Instant ts,
            String state,
            boolean published,
            List<DecisionBody> decisions) {}

    record Queue(String channel, String state, int size, List<Item> items) {}

    record Decided(Item item, boolean published) {}

    @Operation(summary = "Held messages waiting for review, or decided ones")
    @GET
    public Queue list(
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
        List<Item> items = held.stream().map(ReviewResource::item).toList();
        return new Queue(name, which, items.size(), items);
    }

    @Operation(summary = "One held message with its decisions")
    @GET
    @Path("/{messageId}")
    public Item one(@PathParam("messageId") long messageId, @Context ContainerRequestContext rq) {
        return item(queue.find(Caller.of(rq), messageId));
    }

    @Operation(summary = "Decide on a held message: approve, highlight or reject")
    @POST
    @Path("/{messageId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decided decide(
            @PathParam("messageId") long messageId, DecisionRequest body, @Context ContainerRequestContext rq) {
        if (body == null) {
            throw new IllegalArgumentException("JSON body with decision (approve, highlight or reject) is required");
        }
        if (body.reason() != null && body.reason().length() > 500) {
            throw new IllegalArgumentException("reason must be at most 500 characters");
        }
        ReviewQueue.Outcome outcome =
                queue.decide(Caller.of(rq), messageId, ReviewDecision.fromWireName(body.decision()), body.reason());
        return new Decided(item(outcome.message()), outcome.published());
    }

    private static Item item(HeldMessage h) {
        ModeratedMessage m = h.message();
        return new Item(
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
                        .map(d -> new DecisionBody(d.moderator(), d.decision().wireName(), d.reason(), d.at()))
                        .toList());
    }
}
