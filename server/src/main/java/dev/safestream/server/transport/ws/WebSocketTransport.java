package dev.safestream.server.transport.ws;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.chat.ChatService;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
import dev.safestream.server.workers.WorkerMeters;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.tyrus.core.RequestContext;

/** The chat WebSocket endpoint mounted on the shared Grizzly server at {@code /ws/{username}}. */
public final class WebSocketTransport implements AutoCloseable {
    public static final String PATH = "/ws/{username}";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ConnectionRegistry registry;
    private final EmbeddedTyrusContainer container;

    public WebSocketTransport(
            HttpServer server,
            TokenService tokens,
            ChatService chat,
            ChatMeters meters,
            ProtocolJson json,
            WsSettings settings,
            ClientAddresses addresses,
            LimitMeters limits,
            WorkerMeters workers,
            LingeringClose lingering) {
        this.registry = new ConnectionRegistry(settings, limits, workers);
        this.container = new EmbeddedTyrusContainer(settings, limits, lingering);
        ChatEndpoint endpoint = new ChatEndpoint(tokens, chat, registry, meters, json, settings, workers);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ChatEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }

                    /** Records the client address (after trusted proxies) for the per-address limit. */
                    @Override
                    public void modifyHandshake(
                            ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                        String peer = request instanceof RequestContext context ? context.getRemoteAddr() : null;
                        List<String> forwarded = forwardedFor(request.getHeaders());
                        sec.getUserProperties().put(ChatEndpoint.CLIENT_ADDRESS, addresses.resolve(peer, forwarded));
                    }
                })
                .build();
        try {
            container.register(config);
        } catch (DeploymentException e) {
            throw new IllegalStateException("Cannot deploy the chat endpoint", e);
        }
        container.attachTo(server);
    }

    private static List<String> forwardedFor(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (FORWARDED_FOR.equalsIgnoreCase(e.getKey())) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** Pings and idle clean-up; the scheduler calls this every ping interval. */
    public void sweep() {
        registry.sweep();
    }

    public int connectionCount() {
        return registry.size();
    }

    /** Says goodbye to every client (1001), then stops the close thread. */
    @Override
    public void close() {
        registry.closeAll();
        registry.writers().close();
        registry.closer().shutdown();
        try {
            registry.closer().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
