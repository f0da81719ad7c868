package dev.safestream.server.transport.http;

import dev.safestream.protocol.MetricsPublished;
import dev.safestream.protocol.rest.ChannelMetrics;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.MetricsPublisher;
import dev.safestream.server.transport.ClientAddresses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.grizzly.http.server.Request;

/** {@code GET /metrics} (channel figures) and {@code GET /metrics/prometheus} (server meters). */
@Tag(name = "metrics")
@Path("/metrics")
public final class MetricsResource {
    private final Channels channels;
    private final PrometheusMeterRegistry prometheus;
    private final MetricsAccess access;
    private final ClientAddresses addresses;

    @Context
    private Provider<Request> grizzlyRequest;

    MetricsResource(
            Channels channels, PrometheusMeterRegistry prometheus, MetricsAccess access, ClientAddresses addresses) {
        this.channels = channels;
        this.prometheus = prometheus;
        this.access = access;
        this.addresses = addresses;
    }

    @Operation(summary = "A channel's figures: viewers, gifts, toxic share")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChannelMetrics figures(@QueryParam("channel") String channel) {
        MetricsPublished m = MetricsPublisher.snapshot(channels.peek(Params.channel(null, channel)));
        return new ChannelMetrics(m.viewerCount(), m.giftCount(), m.toxicPct(), m.channel());
    }

    @Operation(
            summary = "Server meters in the Prometheus text format",
            description = "Loopback, METRICS_ALLOWED_NETWORKS, or Authorization: Bearer <METRICS_TOKEN>; else 403.")
    @ApiResponse(
            responseCode = "200",
            description = "The scrape",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Not from an allowed network and no METRICS_TOKEN")
    @GET
    @Path("/prometheus")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String prometheus(@HeaderParam("Authorization") String authorization) {
        access.check(RequestAddress.of(grizzlyRequest.get(), addresses), authorization);
        return prometheus.scrape();
    }
}
