package dev.safestream.server.transport.ws;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.chat.ChatMeters;
import dev.safestream.server.chat.ChatService;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;

/** The chat WebSocket endpoint mounted on the shared Grizzly server at {@code /ws/{username}}. */
public final class WebSocketTransport implements AutoCloseable {
    public static final String PATH = "/ws/{username}";

    private final ConnectionRegistry registry;
    private final EmbeddedTyrusContainer container;

    public WebSocketTransport(
            HttpServer server,
            TokenService tokens,
            ChatService chat,
            ChatMeters meters,
            ProtocolJson json,
            WsSettings settings) {
        this.registry = new ConnectionRegistry(settings);
        this.container = new EmbeddedTyrusContainer(settings.maxFrameBytes());
        ChatEndpoint endpoint = new ChatEndpoint(tokens, chat, registry, meters, json, settings);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ChatEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
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
        registry.closer().shutdown();
        try {
            registry.closer().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
