package dev.safestream.server.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to start. Built by {@link ServeCommand} from options and environment variables; tests
 * build it with {@link #builder(Path)}.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        String redisUrl,
        String nodeId,
        String databaseUser,
        String databasePassword,
        String jwtSecret,
        Duration jwtLifetime,
        Duration guestLifetime,
        int guestTokensPerMinute,
        int registrationsPerHour,
        int loginFailuresPerAddress,
        int loginFailuresPerAccount,
        int maxConnectionsPerUser,
        int maxConnectionsPerAddress,
        int moderatorReservedConnections,
        int maxRequestBytes,
        int maxHttpConnectionsPerAddress,
        Duration httpHeaderTimeout,
        List<String> trustedProxies,
        List<String> frameAncestors,
        List<String> metricsAllowedNetworks,
        String metricsToken,
        Duration giftInterval,
        double toxicThreshold,
        double blockThreshold,
        Double shadowFlagThreshold,
        Double shadowBlockThreshold,
        int maxConnections,
        int maxUsernameLength,
        int maxMessageLength,
        int maxFrameBytes,
        int clientPingsPerSecond,
        int outboxLimit,
        long outboxBytes,
        int catchUpEvents,
        int writerThreads,
        int pipelineCapacity,
        int messagesPerSecond,
        int messageBurst,
        Duration metricsInterval,
        Duration pingInterval,
        Duration idleTimeout,
        String adminPassword,
        boolean demo,
        boolean openChannels,
        Path blockedTermsFile,
        boolean builtinHarmRules,
        ModelSettings models,
        Clock clock) {

    /** A scheme and host (optionally a wildcard subdomain and a port): nothing that could extend the CSP. */
    private static final java.util.regex.Pattern ORIGIN =
            java.util.regex.Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Validates ranges; every message names the option and the environment variable. */
    public ServerConfig validate() {
        require(port >= 0 && port <= 65535, "--port/APP_PORT must be between 0 and 65535");
        // without it each node would generate a secret of its own and refuse the others' tokens
        require(
                redisUrl == null || (jwtSecret != null && !jwtSecret.isBlank()),
                "cluster mode (REDIS_URL) needs JWT_SECRET_KEY, the same secret on every node");
        require(toxicThreshold >= 0 && toxicThreshold <= 1, "--toxic-threshold/TOXIC_THRESHOLD must be within 0..1");
        require(blockThreshold >= 0 && blockThreshold <= 1, "--block-threshold/BLOCK_THRESHOLD must be within 0..1");
        require(
                toxicThreshold <= blockThreshold,
                "--toxic-threshold/TOXIC_THRESHOLD must not exceed --block-threshold/BLOCK_THRESHOLD");
        require(
                shadowFlagThreshold == null || (shadowFlagThreshold >= 0 && shadowFlagThreshold <= 1),
                "--shadow-flag-threshold/SHADOW_FLAG_THRESHOLD must be within 0..1");
        require(
                shadowBlockThreshold == null || (shadowBlockThreshold >= 0 && shadowBlockThreshold <= 1),
                "--shadow-block-threshold/SHADOW_BLOCK_THRESHOLD must be within 0..1");
        require(
                !shadow() || shadowFlag() <= shadowBlock(),
                "--shadow-flag-threshold must not exceed --shadow-block-threshold");
        models.validate();
        require(!jwtLifetime.isNegative() && !jwtLifetime.isZero(), "JWT_EXPIRE_MINUTES must be positive");
        require(!giftInterval.isNegative(), "GIFT_INTERVAL_SECS must not be negative");
        require(maxConnections > 0, "MAX_CONNECTIONS must be positive");
        require(
                moderatorReservedConnections >= 0 && moderatorReservedConnections < maxConnections,
                "MODERATOR_RESERVED_CONNECTIONS must be at least 0 and less than MAX_CONNECTIONS");
        require(maxConnectionsPerUser >= 0, "MAX_CONNECTIONS_PER_USER must not be negative (0 = unlimited)");
        require(maxConnectionsPerAddress >= 0, "MAX_CONNECTIONS_PER_ADDRESS must not be negative (0 = unlimited)");
        require(maxRequestBytes >= 1024, "MAX_REQUEST_BYTES must be at least 1024");
        require(
                maxHttpConnectionsPerAddress >= 0,
                "MAX_HTTP_CONNECTIONS_PER_ADDRESS must not be negative (0 = unlimited)");
        require(httpHeaderTimeout.toSeconds() >= 1, "HTTP_HEADER_TIMEOUT_SECS must be at least 1");
        for (String origin : frameAncestors) {
            require(
                    ORIGIN.matcher(origin).matches(),
                    "EMBED_ALLOWED_ORIGINS: '" + origin + "' is not an origin such as https://example.com");
        }
        require(
                guestTokensPerMinute >= 0
                        && registrationsPerHour >= 0
                        && loginFailuresPerAddress >= 0
                        && loginFailuresPerAccount >= 0,
                "GUEST_TOKENS_PER_MINUTE, REGISTRATIONS_PER_ADDRESS_PER_HOUR and LOGIN_FAILURES_PER_* must not be"
                        + " negative (0 = unlimited)");
        require(maxUsernameLength >= 3 && maxUsernameLength <= 64, "MAX_USERNAME_LENGTH must be between 3 and 64");
        require(maxMessageLength > 0 && maxMessageLength <= 2000, "--max-message-length must be between 1 and 2000");
        require(maxFrameBytes >= 1024, "--max-frame-bytes must be at least 1024");
        require(clientPingsPerSecond >= 0, "--client-pings-per-second/CLIENT_PINGS_PER_SECOND must not be negative");
        require(outboxLimit > 0, "--outbox-limit must be positive");
        require(catchUpEvents >= 0, "--catch-up-events/CATCH_UP_EVENTS must not be negative");
        require(outboxBytes >= 64 * 1024, "--outbox-bytes/OUTBOX_MAX_BYTES must be at least 65536");
        require(writerThreads > 0, "--writer-threads/WRITER_THREADS must be positive");
        require(pipelineCapacity > 0, "--pipeline-capacity/PIPELINE_CAPACITY must be positive");
        require(
                guestLifetime.isPositive() && pingInterval.isPositive() && idleTimeout.isPositive(),
                "GUEST_TOKEN_MINUTES, PING_INTERVAL_SECS and IDLE_TIMEOUT_SECS must be positive");
        require(
                adminPassword == null || adminPassword.isEmpty() || adminPassword.length() >= 6,
                "SAFESTREAM_ADMIN_PASSWORD must be at least 6 characters");
        return this;
    }

    /** Whether shadow mode is on (either shadow threshold set). */
    public boolean shadow() {
        return shadowFlagThreshold != null || shadowBlockThreshold != null;
    }

    /** The shadow flag threshold, defaulting to the live one. */
    public double shadowFlag() {
        return shadowFlagThreshold == null ? toxicThreshold : shadowFlagThreshold;
    }

    /** The shadow block threshold, defaulting to the live one. */
    public double shadowBlock() {
        return shadowBlockThreshold == null ? blockThreshold : shadowBlockThreshold;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder(dataDir);
        b.host = host;
        b.port = port;
        b.databaseUrl = databaseUrl;
        b.redisUrl = redisUrl;
        b.nodeId = nodeId;
        b.databaseUser = databaseUser;
        b.databasePassword = databasePassword;
        b.jwtSecret = jwtSecret;
        b.jwtLifetime = jwtLifetime;
        b.guestLifetime = guestLifetime;
        b.guestTokensPerMinute = guestTokensPerMinute;
        b.registrationsPerHour = registrationsPerHour;
        b.loginFailuresPerAddress = loginFailuresPerAddress;
        b.loginFailuresPerAccount = loginFailuresPerAccount;
        b.maxConnectionsPerUser = maxConnectionsPerUser;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.moderatorReservedConnections = moderatorReservedConnections;
        b.maxRequestBytes = maxRequestBytes;
        b.maxHttpConnectionsPerAddress = maxHttpConnectionsPerAddress;
        b.httpHeaderTimeout = httpHeaderTimeout;
        b.trustedProxies = trustedProxies;
        b.frameAncestors = frameAncestors;
        b.metricsAllowedNetworks = metricsAllowedNetworks;
        b.metricsToken = metricsToken;
        b.giftInterval = giftInterval;
        b.toxicThreshold = toxicThreshold;
        b.blockThreshold = blockThreshold;
        b.shadowFlagThreshold = shadowFlagThreshold;
        b.shadowBlockThreshold = shadowBlockThreshold;
        b.maxConnections = maxConnections;
        b.maxUsernameLength = maxUsernameLength;
        b.maxMessageLength = maxMessageLength;
        b.maxFrameBytes = maxFrameBytes;
        b.clientPingsPerSecond = clientPingsPerSecond;
        b.outboxLimit = outboxLimit;
        b.outboxBytes = outboxBytes;
        b.catchUpEvents = catchUpEvents;
        b.writerThreads = writerThreads;
        b.pipelineCapacity = pipelineCapacity;
        b.messagesPerSecond = messagesPerSecond;
        b.messageBurst = messageBurst;
        b.metricsInterval = metricsInterval;
        b.pingInterval = pingInterval;
        b.idleTimeout = idleTimeout;
        b.adminPassword = adminPassword;
        b.demo = demo;
        b.openChannels = openChannels;
        b.blockedTermsFile = blockedTermsFile;
        b.builtinHarmRules = builtinHarmRules;
        b.models = models;
        b.clock = clock;
        return b;
    }

    /** Defaults as documented in {@code serve --help}; tests change what they need. */
    public static final class Builder {
        public String host = "0.0.0.0";
        public int port = 8000;
        public Path dataDir;
        public String databaseUrl;
        /** Cluster mode when set (REDIS_URL): channel events and message ids go through this Redis. */
        public String redisUrl;
        /** This node's name in logs and metrics (NODE_ID); generated when unset. */
        public String nodeId;

        public String databaseUser;
        public String databasePassword;
        public String jwtSecret;
        public Duration jwtLifetime = Duration.ofMinutes(30);
        public Duration guestLifetime = Duration.ofHours(4);
        public int guestTokensPerMinute = 30;
        public int registrationsPerHour = 20;
        public int loginFailuresPerAddress = 20;
        public int loginFailuresPerAccount = 10;
        public int maxConnectionsPerUser = 5;
        public int maxConnectionsPerAddress = 100;
        public int moderatorReservedConnections = 50;
        public int maxRequestBytes = 64 * 1024;
        /** Open connections one address (not a trusted proxy) may hold: MAX_HTTP_CONNECTIONS_PER_ADDRESS. */
        public int maxHttpConnectionsPerAddress = 256;
        /** How long a request head may take to arrive whole: HTTP_HEADER_TIMEOUT_SECS. */
        public Duration httpHeaderTimeout = Duration.ofSeconds(20);

        public List<String> trustedProxies = List.of("127.0.0.1/32", "::1/128");
        public List<String> frameAncestors = List.of();
        /** Besides loopback, who may scrape /metrics/prometheus (METRICS_ALLOWED_NETWORKS, CIDRs). */
        public List<String> metricsAllowedNetworks = List.of();
        /** A bearer token that may scrape /metrics/prometheus from anywhere (METRICS_TOKEN); null = none. */
        public String metricsToken;
        /** Simulated gifts (GIFT_INTERVAL_SECS); off unless set, or the demo's 15 s. */
        public Duration giftInterval = Duration.ZERO;
        /** The shipped model's cross-validated toxic threshold. */
        public double toxicThreshold = Classifiers.defaultFlagThreshold(null);

        public double blockThreshold = 0.9;
        public Double shadowFlagThreshold;
        public Double shadowBlockThreshold;
        public int maxConnections = 1000;
        public int maxUsernameLength = dev.safestream.server.auth.UsernamePolicy.DEFAULT_MAX_LENGTH;
        public int maxMessageLength = 500;
        public int maxFrameBytes = 64 * 1024;
        public int clientPingsPerSecond = 2;
        public int outboxLimit = 1024;
        public long outboxBytes = 1024 * 1024;
        public int catchUpEvents = 1000;
        public int writerThreads = Runtime.getRuntime().availableProcessors();
        public int pipelineCapacity = 10_000;
        public int messagesPerSecond = 5;
        public int messageBurst = 10;
        public Duration metricsInterval = Duration.ofSeconds(5);
        public Duration pingInterval = Duration.ofSeconds(30);
        public Duration idleTimeout = Duration.ofSeconds(90);
        public String adminPassword;
        public boolean demo;
        /** Chat in a channel nobody created opens it (OPEN_CHANNELS); off: only existing channels, main always. */
        public boolean openChannels;

        public Path blockedTermsFile;
        /** The built-in severe-harm rules run in front of the classifier (BUILTIN_HARM_RULES). */
        public boolean builtinHarmRules = true;

        public ModelSettings models = ModelSettings.defaults();
        public Clock clock = Clock.systemUTC();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** Applies a change in a fluent chain: {@code builder(dir).with(b -> b.port = 0).build()}. */
        public Builder with(java.util.function.Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(
                            host,
                            port,
                            dataDir,
                            databaseUrl,
                            redisUrl,
                            nodeId,
                            databaseUser,
                            databasePassword,
                            jwtSecret,
                            jwtLifetime,
                            guestLifetime,
                            guestTokensPerMinute,
                            registrationsPerHour,
                            loginFailuresPerAddress,
                            loginFailuresPerAccount,
                            maxConnectionsPerUser,
                            maxConnectionsPerAddress,
                            moderatorReservedConnections,
                            maxRequestBytes,
                            maxHttpConnectionsPerAddress,
                            httpHeaderTimeout,
                            trustedProxies,
                            frameAncestors,
                            metricsAllowedNetworks,
                            metricsToken,
                            giftInterval,
                            toxicThreshold,
                            blockThreshold,
                            shadowFlagThreshold,
                            shadowBlockThreshold,
                            maxConnections,
                            maxUsernameLength,
                            maxMessageLength,
                            maxFrameBytes,
                            clientPingsPerSecond,
                            outboxLimit,
                            outboxBytes,
                            catchUpEvents,
                            writerThreads,
                            pipelineCapacity,
                            messagesPerSecond,
                            messageBurst,
                            metricsInterval,
                            pingInterval,
                            idleTimeout,
                            adminPassword,
                            demo,
                            openChannels,
                            blockedTermsFile,
                            builtinHarmRules,
                            models,
                            clock)
                    .validate();
        }
    }
}
