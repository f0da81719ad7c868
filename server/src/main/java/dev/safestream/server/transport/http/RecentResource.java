package dev.safestream.server.transport.http;

import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.rest.RecentEvents;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.gifts.GiftRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/recent?limit=50[&channel=main]}: the channel's latest visible messages and gifts, oldest first, as
 * the same event objects the WebSocket carries. Blocked messages are never included.
 */
@Tag(name = "chat")
@Path("/api/recent")
public final class RecentResource {
    private final Channels channels;
    private final MessageRepository messages;
    private final GiftRepository gifts;

    RecentResource(Channels channels, MessageRepository messages, GiftRepository gifts) {
        this.channels = channels;
        this.messages = messages;
        this.gifts = gifts;
    }

    @Operation(summary = "A channel's latest visible messages and gifts, oldest first, as WebSocket events")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RecentEvents recent(@QueryParam("limit") Integer limit, @QueryParam("channel") String channel) {
        int n = Params.limit(limit, 50, 500);
        String name = channels.peek(Params.channel(null, channel)).name();
        List<Timed> merged = new ArrayList<>();
        messages.recentVisible(name, n).forEach(m -> merged.add(new Timed(m.ts(), m)));
        gifts.recent(name, n).forEach(g -> merged.add(new Timed(g.ts(), g)));
        merged.sort(Comparator.comparing(Timed::ts));
        List<ServerEvent> events = merged.subList(Math.max(0, merged.size() - n), merged.size()).stream()
                .map(Timed::event)
                .toList();
        return new RecentEvents(name, events);
    }

    private record Timed(Instant ts, ServerEvent event) {}
}
