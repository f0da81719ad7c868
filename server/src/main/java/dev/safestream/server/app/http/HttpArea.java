package dev.safestream.server.app.http;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.app.accounts.AccountsArea;
import dev.safestream.server.app.chat.ChatArea;
import dev.safestream.server.app.gifts.GiftsArea;
import dev.safestream.server.app.runtime.Telemetry;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
import dev.safestream.server.transport.http.HttpApi;
import dev.safestream.server.transport.http.HttpSettings;
import dev.safestream.server.transport.http.ReadinessResource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * The one Grizzly listener with the REST API, the pages and the metrics; the WebSocket area attaches itself to
 * {@link #server()} before {@link #start()}.
 */
public final class HttpArea implements AutoCloseable {
    private final HttpSettings settings;
    private final ClientAddresses addresses;
    private final LingeringClose lingering = new LingeringClose();
    private final HttpServer server;
    private int port = -1;

    public HttpArea(
            HttpSettings settings,
            AccountsArea accounts,
            ChatArea chat,
            GiftsArea gifts,
            Telemetry telemetry,
            ProtocolJson json,
            Supplier<Map<String, ReadinessResource.Check>> readiness) {
        this.settings = settings;
        addresses = new ClientAddresses(settings.trustedProxies());
        server = HttpApi.create(
                settings,
                new HttpApi.Services(
                        accounts.accounts(),
                        accounts.tokens(),
                        accounts.authorizer(),
                        chat.channels(),
                        chat.moderator(),
                        gifts.gifts(),
                        chat.messages(),
                        gifts.history(),
                        chat.reviews(),
                        chat.labels(),
                        chat.textModeration(),
                        telemetry.prometheus(),
                        json,
                        readiness,
                        addresses,
                        telemetry.limits(),
                        chat.accountAdministration(),
                        chat.channelAdministration(),
                        accounts.channelDirectory(),
                        chat.pins()),
                lingering);
    }

    /** Binds the port and starts answering. */
    public void start() throws java.io.IOException {
        server.start();
        port = server.getListeners().iterator().next().getPort();
    }

    /** The port it listens on (APP_PORT, or the one picked for 0). */
    public int port() {
        return port;
    }

    public HttpSettings settings() {
        return settings;
    }

    public HttpServer server() {
        return server;
    }

    /** Who the client is behind the trusted proxies. */
    public ClientAddresses addresses() {
        return addresses;
    }

    /** Closes connections whose peers no longer read, a while after their last answer. */
    public LingeringClose lingering() {
        return lingering;
    }

    /** Lets requests in flight finish (5 s at most), then stops. */
    @Override
    public void close() {
        try {
            server.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.shutdownNow();
        }
        lingering.close();
    }
}
