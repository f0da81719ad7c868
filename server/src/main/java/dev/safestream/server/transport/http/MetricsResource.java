package dev.safestream.server.transport.http;

import dev.safestream.protocol.MetricsPublished;
import dev.safestream.protocol.rest.ChannelMetrics;
import dev.safestream.server.chat.Channels;
import dev.safestream.server.chat.MetricsPublisher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /metrics} (channel figures) and {@code GET /metrics/prometheus} (server meters). */
@Tag(name = "metrics")
@Path("/metrics")
public final class MetricsResource {
    private final Channels channels;
    private final PrometheusMeterRegistry prometheus;

    MetricsResource(Channels channels, PrometheusMeterRegistry prometheus) {
        this.channels = channels;
        this.prometheus = prometheus;
    }

    @Operation(summary = "A channel's figures: viewers, gifts, toxic share")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChannelMetrics figures(@QueryParam("channel") String channel) {
        MetricsPublished m = MetricsPublisher.snapshot(channels.peek(Params.channel(null, channel)));
        return new ChannelMetrics(m.viewerCount(), m.giftCount(), m.toxicPct(), m.channel());
    }

    @Operation(summary = "Server meters in the Prometheus text format")
    @ApiResponse(
            responseCode = "200",
            description = "The scrape",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @GET
    @Path("/prometheus")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String prometheus() {
        return prometheus.scrape();
    }
}
