package dev.safestream.server.transport.ws;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ErrorReported;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.auth.AuthException;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.chat.ChatService;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.workers.WorkerMeters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/{username}?token=JWT[&channel=NAME][&batch=1][&since=EVENT_ID]}. With {@code since} (the {@code
 * event_id} of the last event the client saw) the connection first gets the channel's kept events after it. Authenticates in {@link #onOpen} (browsers cannot read
 * handshake status codes, so failures are close codes: 1008 for a bad token, 1013 at capacity, 4010 past the
 * per-account or per-address limit) and hands frames to the {@link ChatService}. Tyrus calls every method here on Grizzly selector threads (the listener uses the
 * same-thread I/O strategy), so nothing here may block. Public only because Tyrus invokes it reflectively.
 */
public final class ChatEndpoint extends Endpoint {
    private static final Logger log = LoggerFactory.getLogger(ChatEndpoint.class);
    private static final String CONNECTION = "safestream.connection";
    /** Set by the handshake ({@link WebSocketTransport}): the client address after trusted proxies. */
    static final String CLIENT_ADDRESS = "safestream.client-address";

    private static final String WORKER = "grizzly-selector";

    private final TokenService tokens;
    private final ChatService chat;
    private final ConnectionRegistry registry;
    private final ChatMeters meters;
    private final ProtocolJson json;
    private final WsSettings settings;
    private final WorkerMeters workers;

    ChatEndpoint(
            TokenService tokens,
            ChatService chat,
            ConnectionRegistry registry,
            ChatMeters meters,
            ProtocolJson json,
            WsSettings settings,
            WorkerMeters workers) {
        this.tokens = tokens;
        this.chat = chat;
        this.registry = registry;
        this.meters = meters;
        this.json = json;
        this.settings = settings;
        this.workers = workers;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        org.glassfish.grizzly.Connection<?> socket = FrameGuard.takeHandshakeConnection();
        String username = session.getPathParameters().get("username");
        Map<String, List<String>> params = session.getRequestParameterMap();
        String channel = first(params, "channel", Channels.DEFAULT);
        boolean batched = "1".equals(first(params, "batch", "0")) || "true".equals(first(params, "batch", "0"));
        Principal principal;
        try {
            principal = tokens.verify(first(params, "token", null));
        } catch (AuthException e) {
            reject(session, CloseCode.POLICY_VIOLATION, e.getMessage());
            return;
        }
        if (username == null || !principal.username().equalsIgnoreCase(username)) {
            reject(session, CloseCode.POLICY_VIOLATION, "Token was issued for another user");
            return;
        }
        if (!Channels.NAME.matcher(channel).matches()) {
            reject(session, CloseCode.POLICY_VIOLATION, "Invalid channel name");
            return;
        }
        String sinceParam = first(params, "since", null);
        EventId since;
        try {
            since = sinceParam == null || sinceParam.isEmpty() ? null : EventId.parse(sinceParam);
        } catch (IllegalArgumentException e) {
            reject(session, CloseCode.POLICY_VIOLATION, e.getMessage());
            return;
        }
        String address = String.valueOf(session.getUserProperties().get(CLIENT_ADDRESS));
        ConnectionRegistry.Slot slot;
        switch (registry.admit(principal.username(), address, chat.mayModerate(principal))) {
            case ConnectionRegistry.Refusal refusal -> {
                reject(session, refusal.code(), refusal.reason());
                return;
            }
            case ConnectionRegistry.Slot admitted -> slot = admitted;
        }
        if (socket == null || !socket.isOpen()) {
            slot.release();
            reject(session, CloseCode.INTERNAL_ERROR, "Connection not found");
            return;
        }
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(settings.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(settings.maxFrameBytes());
        WsConnection connection = new WsConnection(
                session,
                principal,
                channel,
                socket,
                registry.writers().assign(),
                settings.outboxLimit(),
                settings.outboxBytes(),
                batched,
                registry,
                settings.clock(),
                meters::slowConsumerDropped,
                slot);
        session.getUserProperties().put(CONNECTION, connection);
        registry.add(connection);
        meters.connectionOpened();
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (FrameLimit.exceeded(text, settings.maxFrameBytes())) {
                reject(
                        session,
                        CloseCode.MESSAGE_TOO_BIG,
                        "Frames are limited to " + settings.maxFrameBytes() + " bytes");
                return;
            }
            connection.touch();
            try {
                chat.received(connection, text);
            } catch (Throwable e) {
                // a bug met by one frame must not take the selector thread's other connections with it
                workers.failed(WORKER);
                log.error("Handling a frame from {} failed", principal.username(), e);
                connection.offer(new Outgoing(json.encode(new ErrorReported(
                        ErrorReported.MESSAGE_FAILED, "The server could not process this frame; it was not sent"))));
            }
        });
        session.addMessageHandler(
                ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> connection.offer(new Outgoing(json.encode(
                        new ErrorReported("unsupported", "Binary frames are not supported; send JSON text")))));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.touch());
        chat.opened(connection, batched, since);
        // an account disabled (or changed) while this socket opened closed the account's registered connections, and
        // this one was not registered yet: look again now that it is (AccountStates updates before it closes)
        if (!tokens.stillCurrent(principal)) {
            connection.close(CloseCode.ACCOUNT_CHANGED, "Your account changed: log in again");
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (session.getUserProperties().remove(CONNECTION) instanceof WsConnection connection) {
            registry.remove(connection);
            meters.connectionClosed();
            chat.closed(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("WebSocket error on session {}", session.getId(), error);
    }

    private static void reject(Session session, CloseCode code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
        } catch (IOException e) {
            log.debug("Could not close rejected session", e);
        }
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
