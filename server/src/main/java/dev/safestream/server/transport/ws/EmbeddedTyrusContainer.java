package dev.safestream.server.transport.ws;

import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.LingeringClose;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Constructor;
import java.util.Set;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus running inside a Grizzly {@link HttpServer} that someone else (the Jersey factory) created, so REST, WebSocket
 * and static files share one port. Tyrus's own {@code GrizzlyServerContainer} insists on creating its own server;
 * this container only builds the engine and adds Tyrus's {@link WebSocketAddOn} to the existing listeners.
 */
final class EmbeddedTyrusContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;
    private final WsSettings settings;
    private final LimitMeters limits;
    private final LingeringClose lingering;

    EmbeddedTyrusContainer(WsSettings settings, LimitMeters limits, LingeringClose lingering) {
        super((Set<Class<?>>) null);
        this.settings = settings;
        this.limits = limits;
        this.lingering = lingering;
        this.engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(FrameLimit.transportBufferBytes(settings.maxFrameBytes()))
                .build();
    }

    /** Must be called before the HTTP server starts. Each listener gets Tyrus and, just before it, a {@link FrameGuard}. */
    void attachTo(HttpServer server) {
        PingBudget pings = new PingBudget(settings.clientPingsPerSecond(), settings.ticker());
        for (NetworkListener listener : server.getListeners()) {
            AddOn tyrus = newAddOn();
            listener.registerAddOn((l, builder) -> {
                FrameGuard guard =
                        new FrameGuard(settings.maxFrameBytes(), limits, lingering, pings, settings.outboxBytes());
                // Tyrus inserts its filter right before the HTTP handler filter, so after the guard added here
                builder.add(builder.indexOfType(HttpServerFilter.class), guard);
                tyrus.setup(l, builder);
            });
        }
    }

    /**
     * Tyrus meant {@link WebSocketAddOn} to be usable with other containers (TYRUS-317: the class is public) but left
     * its constructor package-private; this is the one reflective call in the server. A Tyrus upgrade that changes
     * the constructor fails here, at start-up, with a clear message.
     */
    private AddOn newAddOn() {
        try {
            Constructor<WebSocketAddOn> constructor =
                    WebSocketAddOn.class.getDeclaredConstructor(ServerContainer.class, String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(this, "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot attach Tyrus to Grizzly; incompatible Tyrus version?", e);
        }
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }
}
