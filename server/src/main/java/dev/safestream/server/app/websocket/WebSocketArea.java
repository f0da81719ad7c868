package dev.safestream.server.app.websocket;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.app.accounts.AccountsArea;
import dev.safestream.server.app.chat.ChatArea;
import dev.safestream.server.app.http.HttpArea;
import dev.safestream.server.app.runtime.Scheduler;
import dev.safestream.server.app.runtime.Telemetry;
import dev.safestream.server.transport.ws.WebSocketTransport;
import dev.safestream.server.transport.ws.WsSettings;

/** {@code /ws} on the HTTP area's listener: chat connections, their limits, and the idle sweep. */
public final class WebSocketArea implements AutoCloseable {
    private final WsSettings settings;
    private final WebSocketTransport transport;

    public WebSocketArea(
            WsSettings settings,
            HttpArea http,
            AccountsArea accounts,
            ChatArea chat,
            Telemetry telemetry,
            ProtocolJson json) {
        this.settings = settings;
        transport = new WebSocketTransport(
                http.server(),
                accounts.tokens(),
                chat.chat(),
                telemetry.chat(),
                json,
                settings,
                http.addresses(),
                telemetry.limits(),
                telemetry.workers(),
                http.lingering());
    }

    /** Pings quiet connections and closes silent ones every PING_INTERVAL_SECS. */
    public void start(Scheduler scheduler) {
        scheduler.every(settings.pingInterval(), transport::sweep);
    }

    /** Says goodbye (1001) to every connection. */
    @Override
    public void close() {
        transport.close();
    }
}
