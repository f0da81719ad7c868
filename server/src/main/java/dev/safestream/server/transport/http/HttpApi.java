package dev.safestream.server.transport.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.chat.TextModeration;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.gifts.GiftRepository;
import dev.safestream.server.gifts.GiftService;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.moderation.workflow.FeedbackLabels;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.ReviewQueue;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
import dev.safestream.server.transport.Networks;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the one Grizzly HTTP server: Jersey REST at {@code /} (described by {@code /openapi.json}, browsable at
 * {@code /docs}), static files at {@code /static} and Swagger UI's at {@code /docs-ui}. The WebSocket
 * transport attaches itself to the returned (not yet started) server.
 */
public final class HttpApi {
    private HttpApi() {}

    /** The services the REST resources call. */
    public record Services(
            AccountService accounts,
            TokenService tokens,
            Authorizer authorizer,
            Channels channels,
            ModeratorActions moderator,
            GiftService gifts,
            MessageRepository messages,
            GiftRepository giftHistory,
            ReviewQueue reviews,
            FeedbackLabels labels,
            TextModeration textModeration,
            PrometheusMeterRegistry prometheus,
            ProtocolJson json,
            Supplier<Map<String, ReadinessResource.Check>> readiness,
            ClientAddresses addresses,
            LimitMeters limits,
            AccountAdministration accountAdministration,
            ChannelAdministration channelAdministration,
            ChannelDirectory channelDirectory,
            Pins pins) {}

    /** The server's version from the jar's manifest ({@code dev} when run from classes). */
    private static String version() {
        String version = HttpApi.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public static HttpServer create(HttpSettings settings, Services s, LingeringClose lingering) {
        ObjectMapper mapper = s.json().mapper();
        List<Object> resources = List.of(
                new HealthResource(),
                new ReadinessResource(s.readiness()),
                new ViewerPagesResource(),
                new AuthResource(s.accounts(), s.tokens(), s.addresses()),
                new UserResource(s.accounts()),
                new AccountsResource(s.accountAdministration(), s.channelDirectory()),
                new ChannelsResource(s.channelAdministration()),
                new GiftResource(s.gifts()),
                new AdminResource(s.moderator()),
                new ModerationSettingsResource(
                        s.moderator(),
                        new SettingsJson(mapper),
                        s.channels().defaultPolicy().settings()),
                new ReviewResource(s.reviews()),
                new SanctionsResource(s.moderator()),
                new MessagesResource(s.moderator()),
                new PinResource(s.pins()),
                new LabelsResource(s.labels(), mapper),
                new ModerateResource(s.textModeration()),
                new MetricsResource(
                        s.channels(),
                        s.prometheus(),
                        new MetricsAccess(
                                Networks.parse(settings.metricsAllowedNetworks(), "METRICS_ALLOWED_NETWORKS"),
                                settings.metricsToken(),
                                s.limits()),
                        s.addresses()),
                new RecentResource(s.channels(), s.messages(), s.giftHistory()));
        List<Class<?>> documented =
                resources.stream().<Class<?>>map(Object::getClass).toList();
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new RestMapper())
                .register(MultiPartFeature.class)
                .register(new ErrorMapper())
                .register(new PermissionFilter.Binding(s.tokens(), s.authorizer()))
                .register(new BodyLimit(settings.maxRequestBytes(), s.limits()))
                .register(new OpenApiResource(documented, version()))
                .register(new ApiDocsPage())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        resources.forEach(config::register);
        URI base = URI.create("http://" + settings.host() + ":" + settings.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, config, false);
        RequestGuard guard = new RequestGuard(
                settings.maxRequestBytes(),
                new RequestGuard.SecurityHeaders(settings.frameAncestors()),
                s.limits(),
                lingering);
        ConnectionGuard connections = new ConnectionGuard(
                settings.maxHttpConnectionsPerAddress(),
                settings.headerTimeout(),
                s.addresses(),
                s.limits(),
                System::nanoTime,
                lingering);
        server.getListeners().forEach(listener -> {
            listener.registerAddOn(new IgnoredUpgrades());
            listener.registerAddOn(guard);
            // right after the HTTP codec, before the request guard: it counts every accepted connection
            listener.registerAddOn((l, builder) -> builder.add(
                    builder.indexOfType(org.glassfish.grizzly.http.HttpCodecFilter.class) + 1, connections));
        });
        ClassLoader loader = HttpApi.class.getClassLoader();
        server.getServerConfiguration().addHttpHandler(new StaticFiles(loader, "/web/"), "/static");
        server.getServerConfiguration()
                .addHttpHandler(
                        new StaticFiles(loader, "/api-docs/", ApiDocsPage.swaggerUiFolder(loader)), ApiDocsPage.ASSETS);
        server.getServerConfiguration()
                .setDefaultErrorPageGenerator((request, status, reason, description, e) ->
                        "{\"detail\":\"" + reason.replace("\"", "'") + "\",\"status\":" + status + "}");
        return server;
    }
}
