package dev.safestream.server.app;

import dev.safestream.server.app.moderation.ModelSettings;
import dev.safestream.server.auth.AccountSettings;
import dev.safestream.server.chat.ChatSettings;
import dev.safestream.server.cluster.ClusterSettings;
import dev.safestream.server.gifts.GiftSettings;
import dev.safestream.server.moderation.FilterSettings;
import dev.safestream.server.persistence.StorageSettings;
import dev.safestream.server.transport.http.HttpSettings;
import dev.safestream.server.transport.ws.WsSettings;
import java.time.Clock;

/**
 * Everything the server needs to start: one validated settings record per area. {@link ServerOptions} builds it from
 * options and environment variables; each record checks its own ranges, this one what spans areas.
 *
 * @param demo whether the demo accounts are ensured (--demo)
 * @param clock the time every area reads
 */
public record ServerConfig(
        StorageSettings storage,
        ClusterSettings cluster,
        AccountSettings accounts,
        HttpSettings http,
        WsSettings websocket,
        ChatSettings chat,
        FilterSettings filter,
        ModelSettings models,
        GiftSettings gifts,
        boolean demo,
        Clock clock) {
    public ServerConfig {
        // without it each node would generate a secret of its own and refuse the others' tokens
        if (cluster.clustered() && accounts.jwtSecret() == null) {
            throw new IllegalArgumentException(
                    "cluster mode (REDIS_URL) needs JWT_SECRET_KEY, the same secret on every node");
        }
    }
}
