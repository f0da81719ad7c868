package dev.safestream.server.transport.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.chat.Channels;
import dev.safestream.server.chat.FeedbackLabels;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.chat.ModeratorActions;
import dev.safestream.server.chat.ReviewQueue;
import dev.safestream.server.chat.TextModeration;
import dev.safestream.server.gifts.GiftRepository;
import dev.safestream.server.gifts.GiftService;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
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
 * Builds the one Grizzly HTTP server: Jersey REST at {@code /}, static files at {@code /static}. The WebSocket
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
            ChannelDirectory channelDirectory) {}

    /**
     * @param maxRequestBytes larger request bodies get 413 (MAX_REQUEST_BYTES)
     * @param frameAncestors origins allowed to embed the pages in a frame (EMBED_ALLOWED_ORIGINS); empty = none
     */
    public record Settings(String host, int port, int maxRequestBytes, List<String> frameAncestors) {}

    public static HttpServer create(Settings settings, Services s, LingeringClose lingering) {
        ObjectMapper mapper = s.json().mapper();
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new RestMapper())
                .register(MultiPartFeature.class)
                .register(new ErrorMapper())
                .register(new PermissionFilter.Binding(s.tokens(), s.authorizer()))
                .register(new BodyLimit(settings.maxRequestBytes(), s.limits()))
                .register(new HealthResource())
                .register(new ReadinessResource(s.readiness()))
                .register(new ViewerPagesResource())
                .register(new AuthResource(s.accounts(), s.tokens(), s.addresses()))
                .register(new UserResource(s.accounts()))
                .register(new AccountsResource(s.accountAdministration(), s.channelDirectory()))
                .register(new ChannelsResource(s.channelAdministration()))
                .register(new GiftResource(s.gifts()))
                .register(new AdminResource(s.moderator()))
                .register(new ModerationSettingsResource(
                        s.moderator(),
                        new SettingsJson(mapper),
                        s.channels().defaultPolicy().settings()))
                .register(new ReviewResource(s.reviews()))
                .register(new LabelsResource(s.labels(), mapper))
                .register(new ModerateResource(s.textModeration()))
                .register(new MetricsResource(s.channels(), s.prometheus()))
                .register(new RecentResource(s.channels(), s.messages(), s.giftHistory()))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        URI base = URI.create("http://" + settings.host() + ":" + settings.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, config, false);
        RequestGuard guard = new RequestGuard(
                settings.maxRequestBytes(),
                new RequestGuard.SecurityHeaders(settings.frameAncestors()),
                s.limits(),
                lingering);
        server.getListeners().forEach(listener -> {
            listener.registerAddOn(new IgnoredUpgrades());
            listener.registerAddOn(guard);
        });
        server.getServerConfiguration()
                .addHttpHandler(new StaticFiles(HttpApi.class.getClassLoader(), "/web/"), "/static");
        server.getServerConfiguration()
                .setDefaultErrorPageGenerator((request, status, reason, description, e) ->
                        "{\"detail\":\"" + reason.replace("\"", "'") + "\",\"status\":" + status + "}");
        return server;
    }
}
