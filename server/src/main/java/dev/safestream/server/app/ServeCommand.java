package dev.safestream.server.app;

import dev.safestream.server.simulate.Audience;
import dev.safestream.server.simulate.AudienceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the server until SIGINT/SIGTERM. Every option also reads an environment variable. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Run the chat server (HTTP, WebSocket, moderation, gifts) in the foreground.",
        showDefaultValues = true,
        footer = {
            "",
            "Secrets come from the environment only, never from the command line:",
            "  DATABASE_PASSWORD          JDBC password for DATABASE_URL.",
            "  JWT_SECRET_KEY             Token signing secret, at least 32 characters; default: generated on",
            "                             first start into DATA_DIR/jwt-secret.",
            "  SAFESTREAM_ADMIN_PASSWORD  Password of the first admin account; default: generated on first",
            "                             start into DATA_DIR/initial-admin-password."
        })
final class ServeCommand implements Callable<Integer> {
    /** The simulated gifts' interval with --demo, when GIFT_INTERVAL_SECS does not say. */
    static final long DEMO_GIFT_INTERVAL_SECS = 15;

    @Option(
            names = "--host",
            defaultValue = "${env:APP_HOST}",
            description = "Bind address (APP_HOST); default 0.0.0.0, or 127.0.0.1 with --demo, whose accounts have"
                    + " well-known passwords.")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:APP_PORT:-8000}",
            description = "HTTP/WebSocket port; 0 picks a free one (APP_PORT).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:DATA_DIR:-./data}",
            description = "Database, JWT secret and other state (DATA_DIR).")
    Path dataDir;

    @Option(
            names = "--database-url",
            defaultValue = "${env:DATABASE_URL}",
            description = "JDBC URL; default: H2 file in the data dir (DATABASE_URL).")
    String databaseUrl;

    @Option(
            names = "--redis-url",
            defaultValue = "${env:REDIS_URL}",
            description = "Cluster mode: redis://host:6379 shared by every node (REDIS_URL); unset: one node.")
    String redisUrl;

    @Option(
            names = "--node-id",
            defaultValue = "${env:NODE_ID}",
            description = "This node's name in logs and metrics (NODE_ID); default: generated.")
    String nodeId;

    @Option(
            names = "--database-user",
            defaultValue = "${env:DATABASE_USER}",
            description = "JDBC user (DATABASE_USER).")
    String databaseUser;

    @Option(
            names = "--jwt-expire-minutes",
            defaultValue = "${env:JWT_EXPIRE_MINUTES:-30}",
            description = "Token lifetime (JWT_EXPIRE_MINUTES).")
    long jwtExpireMinutes;

    @Option(
            names = "--gift-interval-secs",
            defaultValue = "${env:GIFT_INTERVAL_SECS}",
            description = "A simulated gift every N s ± 20 %%, labelled as simulated (GIFT_INTERVAL_SECS); default 0"
                    + " (off), 15 with --demo.")
    Long giftIntervalSecs;

    @Option(
            names = "--metrics-allowed-networks",
            split = ",",
            defaultValue = "${env:METRICS_ALLOWED_NETWORKS}",
            description = "Networks (CIDRs, comma-separated) that may scrape /metrics/prometheus besides loopback"
                    + " (METRICS_ALLOWED_NETWORKS); METRICS_TOKEN (environment only) lets a bearer token scrape from"
                    + " anywhere.")
    List<String> metricsAllowedNetworks;

    @Option(
            names = "--toxic-threshold",
            defaultValue = "${env:TOXIC_THRESHOLD}",
            description = "Score at which a message is flagged toxic (TOXIC_THRESHOLD; default: the model's"
                    + " cross-validated threshold, see models/MODEL_CARD.md).")
    Double toxicThreshold;

    @Option(
            names = "--block-threshold",
            defaultValue = "${env:BLOCK_THRESHOLD:-0.9}",
            description = "Score at which a message is blocked: only its author sees it (BLOCK_THRESHOLD).")
    double blockThreshold;

    @Option(
            names = "--shadow-flag-threshold",
            defaultValue = "${env:SHADOW_FLAG_THRESHOLD}",
            description = "Shadow mode: flag threshold scored alongside the live one without acting; setting either"
                    + " shadow threshold turns shadow mode on (SHADOW_FLAG_THRESHOLD).")
    Double shadowFlagThreshold;

    @Option(
            names = "--shadow-block-threshold",
            defaultValue = "${env:SHADOW_BLOCK_THRESHOLD}",
            description =
                    "Shadow mode: block threshold; the other defaults to the live one" + " (SHADOW_BLOCK_THRESHOLD).")
    Double shadowBlockThreshold;

    @Option(
            names = "--max-connections",
            defaultValue = "${env:MAX_CONNECTIONS:-1000}",
            description = "WebSocket connections in all; beyond this they are closed with 1013 (MAX_CONNECTIONS).")
    int maxConnections;

    @Option(
            names = "--moderator-reserved-connections",
            defaultValue = "${env:MODERATOR_RESERVED_CONNECTIONS:-50}",
            description = "Of --max-connections, how many only moderators and admins may use, so they always get in"
                    + " (MODERATOR_RESERVED_CONNECTIONS).")
    int moderatorReservedConnections;

    @Option(
            names = "--max-connections-per-user",
            defaultValue = "${env:MAX_CONNECTIONS_PER_USER:-5}",
            description = "WebSocket connections per account or guest token; more are closed with 4010; 0 = unlimited"
                    + " (MAX_CONNECTIONS_PER_USER).")
    int maxConnectionsPerUser;

    @Option(
            names = "--max-connections-per-address",
            defaultValue = "${env:MAX_CONNECTIONS_PER_ADDRESS:-100}",
            description = "WebSocket connections per client address (moderators excepted); more are closed with 4010;"
                    + " 0 = unlimited (MAX_CONNECTIONS_PER_ADDRESS).")
    int maxConnectionsPerAddress;

    @Option(
            names = "--max-request-bytes",
            defaultValue = "${env:MAX_REQUEST_BYTES:-65536}",
            description = "Largest HTTP request body; larger ones get 413 before they are read (MAX_REQUEST_BYTES).")
    int maxRequestBytes;

    @Option(
            names = "--max-http-connections-per-address",
            defaultValue = "${env:MAX_HTTP_CONNECTIONS_PER_ADDRESS:-256}",
            description = "Open connections (HTTP and WebSocket) one client address may hold; more are closed as they"
                    + " arrive. Trusted proxies are exempt (MAX_HTTP_CONNECTIONS_PER_ADDRESS; 0 = unlimited).")
    int maxHttpConnectionsPerAddress;

    @Option(
            names = "--http-header-timeout-secs",
            defaultValue = "${env:HTTP_HEADER_TIMEOUT_SECS:-20}",
            description = "Seconds a request head may take to arrive whole, counted from the connection's opening or"
                    + " its previous answer; slower connections are closed (HTTP_HEADER_TIMEOUT_SECS).")
    long httpHeaderTimeoutSecs;

    @Option(
            names = "--registrations-per-hour",
            defaultValue = "${env:REGISTRATIONS_PER_ADDRESS_PER_HOUR:-20}",
            description = "Registrations per client address per hour; then 429 with Retry-After; 0 = unlimited"
                    + " (REGISTRATIONS_PER_ADDRESS_PER_HOUR).")
    int registrationsPerHour;

    @Option(
            names = "--login-failures-per-address",
            defaultValue = "${env:LOGIN_FAILURES_PER_ADDRESS:-20}",
            description = "Failed logins per client address per 10 minutes; then 429 with Retry-After; 0 = unlimited"
                    + " (LOGIN_FAILURES_PER_ADDRESS).")
    int loginFailuresPerAddress;

    @Option(
            names = "--login-failures-per-account",
            defaultValue = "${env:LOGIN_FAILURES_PER_ACCOUNT:-10}",
            description = "Failed logins per account per 10 minutes from addresses that never logged in to it; then"
                    + " 429 with Retry-After; a success resets it; 0 = unlimited (LOGIN_FAILURES_PER_ACCOUNT).")
    int loginFailuresPerAccount;

    @Option(
            names = "--trusted-proxies",
            split = ",",
            defaultValue = "${env:TRUSTED_PROXIES:-127.0.0.1/32,::1/128}",
            description = "Reverse proxies (IP addresses or CIDRs, comma-separated) whose X-Forwarded-For is believed;"
                    + " every per-address limit uses the client address it names (TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(
            names = "--embed-allowed-origins",
            split = ",",
            defaultValue = "${env:EMBED_ALLOWED_ORIGINS}",
            description = "Origins allowed to embed the viewer in a frame, e.g. https://mystream.example; default:"
                    + " none, the pages refuse to be framed (EMBED_ALLOWED_ORIGINS).")
    List<String> embedAllowedOrigins;

    @Option(
            names = "--max-username-length",
            defaultValue = "${env:MAX_USERNAME_LENGTH:-50}",
            description = "Longest username accepted at registration (MAX_USERNAME_LENGTH).")
    int maxUsernameLength;

    @Option(
            names = "--max-message-length",
            defaultValue = "${env:MAX_MESSAGE_LENGTH:-500}",
            description = "Longest chat message in characters (MAX_MESSAGE_LENGTH).")
    int maxMessageLength;

    @Option(
            names = "--max-frame-bytes",
            defaultValue = "${env:MAX_FRAME_BYTES:-65536}",
            description = "Larger WebSocket frames close the connection with 1009 (MAX_FRAME_BYTES).")
    int maxFrameBytes;

    @Option(
            names = "--client-pings-per-second",
            defaultValue = "${env:CLIENT_PINGS_PER_SECOND:-2}",
            description = "WebSocket pings a client may keep sending, in bursts of 5 s' worth; more close it with 4029"
                    + " (CLIENT_PINGS_PER_SECOND; 0 = unlimited).")
    int clientPingsPerSecond;

    @Option(
            names = "--guest-token-minutes",
            defaultValue = "${env:GUEST_TOKEN_MINUTES:-240}",
            description = "Lifetime of a watch-only guest token in minutes; the viewer page takes a fresh one when it"
                    + " ends (GUEST_TOKEN_MINUTES).")
    long guestTokenMinutes;

    @Option(
            names = "--pipeline-capacity",
            defaultValue = "${env:PIPELINE_CAPACITY:-10000}",
            description = "Chat messages waiting for moderation; when full, authors are told the server is busy"
                    + " (PIPELINE_CAPACITY).")
    int pipelineCapacity;

    @Option(
            names = "--ping-interval-secs",
            defaultValue = "${env:PING_INTERVAL_SECS:-30}",
            description = "How often quiet WebSocket connections are pinged (PING_INTERVAL_SECS).")
    long pingIntervalSecs;

    @Option(
            names = "--idle-timeout-secs",
            defaultValue = "${env:IDLE_TIMEOUT_SECS:-90}",
            description = "WebSocket connections silent this long (no frame, no pong) are closed with 4009"
                    + " (IDLE_TIMEOUT_SECS).")
    long idleTimeoutSecs;

    @Option(
            names = "--outbox-limit",
            defaultValue = "${env:OUTBOX_LIMIT:-1024}",
            description = "Frames queued for one client before it is dropped as too slow, 4008 (OUTBOX_LIMIT).")
    int outboxLimit;

    @Option(
            names = "--outbox-bytes",
            defaultValue = "${env:OUTBOX_MAX_BYTES:-1048576}",
            description = "Bytes queued for one client before it is dropped as too slow, 4008 (OUTBOX_MAX_BYTES).")
    long outboxBytes;

    @Option(
            names = "--catch-up-events",
            defaultValue = "${env:CATCH_UP_EVENTS:-1000}",
            description =
                    "Events kept per channel for clients that reconnect with since= (in memory, or in a Redis stream in"
                            + " cluster mode); 0 = none (CATCH_UP_EVENTS).")
    int catchUpEvents;

    @Option(
            names = "--writer-threads",
            defaultValue = "${env:WRITER_THREADS:-0}",
            description = "Threads that write to client sockets; 0 = one per core (WRITER_THREADS).")
    int writerThreads;

    @Option(
            names = "--rate-limit",
            defaultValue = "${env:RATE_LIMIT_PER_SEC:-5}",
            description = "Chat messages per second per user; 0 = unlimited (RATE_LIMIT_PER_SEC).")
    int messagesPerSecond;

    @Option(
            names = "--rate-burst",
            defaultValue = "${env:RATE_LIMIT_BURST:-10}",
            description = "Messages a user may send in a burst (RATE_LIMIT_BURST).")
    int messageBurst;

    @Option(
            names = "--guest-tokens-per-minute",
            defaultValue = "${env:GUEST_TOKENS_PER_MINUTE:-30}",
            description = "Guest tokens per client address per minute; 0 = unlimited (GUEST_TOKENS_PER_MINUTE).")
    int guestTokensPerMinute;

    @Option(
            names = "--metrics-interval-secs",
            defaultValue = "${env:METRICS_INTERVAL_SECS:-5}",
            description = "How often channel figures are pushed (METRICS_INTERVAL_SECS).")
    long metricsIntervalSecs;

    @Option(
            names = "--classifier",
            defaultValue = "${env:CLASSIFIER:-onnx}",
            description = "onnx (the trained model cascade) or blocked-terms (word list only) (CLASSIFIER).")
    String classifier;

    @Option(
            names = "--model-dir",
            defaultValue = "${env:MODEL_DIR}",
            description = "A retrained model set (train --out) instead of the shipped one (MODEL_DIR).")
    Path modelDir;

    @Option(
            names = "--encoder-threads",
            defaultValue = "${env:ENCODER_THREADS:-1}",
            description = "ONNX Runtime threads for the sentence encoder (ENCODER_THREADS; 1 leaves the other cores"
                    + " of a small server to sockets and the pipeline).")
    int encoderThreads;

    @Option(
            names = "--encoder-budget",
            defaultValue = "${env:ENCODER_BUDGET:-32}",
            description = "Most messages of one /api/moderate call that the encoder re-scores (ENCODER_BUDGET; 0 ="
                    + " fast model only, also in chat). Chat is never held up: uncertain messages the encoder cannot"
                    + " reach within 50 ms keep the fast model's score.")
    int encoderBudget;

    @Option(
            names = "--shadow-model-dir",
            defaultValue = "${env:SHADOW_MODEL_DIR}",
            description = "Shadow mode: a second model set scored beside the live one without acting"
                    + " (SHADOW_MODEL_DIR; needs a shadow threshold to turn shadow mode on).")
    Path shadowModelDir;

    @Option(
            names = "--blocked-terms",
            defaultValue = "${env:BLOCKED_TERMS_FILE}",
            description = "Blocked-terms list replacing the built-in one for --classifier blocked-terms; its threat,"
                    + " self_harm, personal_info and identity_hate entries also join the severe-harm rules that run"
                    + " before any classifier (BLOCKED_TERMS_FILE).")
    Path blockedTerms;

    @Option(
            names = "--builtin-harm-rules",
            defaultValue = "${env:BUILTIN_HARM_RULES:-true}",
            arity = "1",
            description = "Block threats, self-harm incitement, doxxing and slurs with the built-in rules before any"
                    + " classifier runs (BUILTIN_HARM_RULES; false leaves them to the model and BLOCKED_TERMS_FILE).")
    boolean builtinHarmRules;

    @Option(
            names = "--open-channels",
            defaultValue = "${env:OPEN_CHANNELS:-false}",
            description = "Let viewers chat in any channel name, creating it on first use (OPEN_CHANNELS). Default:"
                    + " only channels that exist (main, and those streamers create).")
    boolean openChannels;

    @Option(
            names = "--demo",
            defaultValue = "${env:SAFESTREAM_DEMO:-false}",
            description = "Create demo accounts demo_user, chat_viewer, test_streamer, demo_mod (password = username)"
                    + " (SAFESTREAM_DEMO).")
    boolean demo;

    @Option(
            names = "--demo-viewers",
            defaultValue = "${env:DEMO_VIEWERS:-12}",
            description = "With --demo: simulated viewers chatting and sending gifts in channel main, so the viewer"
                    + " page is lively at once; 0 turns them off; they come from this machine, so the per-address"
                    + " connection and registration budgets grow by this many (DEMO_VIEWERS).")
    int demoViewers;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config(System.getenv());
        if (demo
                && blank(host) != null
                && !config.host().startsWith("127.")
                && !config.host().equals("::1")) {
            System.err.printf(
                    "WARNING: --demo on %s: the demo accounts' passwords equal their names, and anyone who can reach"
                            + " this address can log in as a moderator. Use --demo without --host (loopback only).%n",
                    config.host());
        }
        return run(config);
    }

    /** The bind address: --host/APP_HOST, else loopback for the demo and every interface otherwise. */
    String bindHost() {
        return blank(host) != null ? host.strip() : demo ? "127.0.0.1" : "0.0.0.0";
    }

    /** The configuration these options and environment variables ({@code env}: secrets only) describe. */
    ServerConfig config(java.util.Map<String, String> env) {
        return ServerConfig.builder(dataDir)
                .with(b -> {
                    b.host = bindHost();
                    b.port = port;
                    b.databaseUrl = blank(databaseUrl);
                    b.redisUrl = blank(redisUrl);
                    b.nodeId = blank(nodeId);
                    b.databaseUser = blank(databaseUser);
                    b.databasePassword = blank(env.get("DATABASE_PASSWORD"));
                    b.jwtSecret = blank(env.get("JWT_SECRET_KEY"));
                    b.adminPassword = blank(env.get("SAFESTREAM_ADMIN_PASSWORD"));
                    b.metricsToken = blank(env.get("METRICS_TOKEN"));
                    b.metricsAllowedNetworks =
                            metricsAllowedNetworks == null ? List.of() : List.copyOf(metricsAllowedNetworks);
                    b.jwtLifetime = Duration.ofMinutes(jwtExpireMinutes);
                    b.guestLifetime = Duration.ofMinutes(guestTokenMinutes);
                    b.pipelineCapacity = pipelineCapacity;
                    b.pingInterval = Duration.ofSeconds(pingIntervalSecs);
                    b.idleTimeout = Duration.ofSeconds(idleTimeoutSecs);
                    b.giftInterval = Duration.ofSeconds(
                            giftIntervalSecs != null ? giftIntervalSecs : demo ? DEMO_GIFT_INTERVAL_SECS : 0);
                    b.toxicThreshold =
                            toxicThreshold != null ? toxicThreshold : Classifiers.defaultFlagThreshold(modelDir);
                    b.models = new ModelSettings(classifier, modelDir, encoderThreads, encoderBudget, shadowModelDir);
                    b.blockThreshold = blockThreshold;
                    b.shadowFlagThreshold = shadowFlagThreshold;
                    b.shadowBlockThreshold = shadowBlockThreshold;
                    b.maxConnections = maxConnections;
                    b.moderatorReservedConnections = moderatorReservedConnections;
                    b.maxConnectionsPerUser = maxConnectionsPerUser;
                    // the demo audience registers and connects its bots from this machine: on top of the budgets
                    b.maxConnectionsPerAddress = withDemoBots(maxConnectionsPerAddress);
                    b.maxRequestBytes = maxRequestBytes;
                    b.maxHttpConnectionsPerAddress = maxHttpConnectionsPerAddress;
                    b.httpHeaderTimeout = Duration.ofSeconds(httpHeaderTimeoutSecs);
                    b.registrationsPerHour = withDemoBots(registrationsPerHour);
                    b.loginFailuresPerAddress = loginFailuresPerAddress;
                    b.loginFailuresPerAccount = loginFailuresPerAccount;
                    b.trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
                    b.frameAncestors = embedAllowedOrigins == null ? List.of() : List.copyOf(embedAllowedOrigins);
                    b.maxUsernameLength = maxUsernameLength;
                    b.maxMessageLength = maxMessageLength;
                    b.maxFrameBytes = maxFrameBytes;
                    b.clientPingsPerSecond = clientPingsPerSecond;
                    b.outboxLimit = outboxLimit;
                    b.outboxBytes = outboxBytes;
                    b.catchUpEvents = catchUpEvents;
                    b.writerThreads = writerThreads > 0
                            ? writerThreads
                            : Runtime.getRuntime().availableProcessors();
                    b.messagesPerSecond = messagesPerSecond;
                    b.messageBurst = messageBurst;
                    b.guestTokensPerMinute = guestTokensPerMinute;
                    b.metricsInterval = Duration.ofSeconds(Math.max(1, metricsIntervalSecs));
                    b.blockedTermsFile = blockedTerms;
                    b.builtinHarmRules = builtinHarmRules;
                    b.demo = demo;
                    b.openChannels = openChannels;
                })
                .build();
    }

    private int run(ServerConfig config) throws InterruptedException {
        SafeStreamServer server = SafeStreamServer.start(config);
        Audience audience = demo && demoViewers > 0
                ? Audience.start(AudienceSettings.demo(localUrl(server.port()), demoViewers))
                : null;
        if (audience != null) {
            System.out.printf(
                    "Demo audience: %d simulated viewers; open http://localhost:%d/ (--demo-viewers 0 turns them off)%n",
                    demoViewers, server.port());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("safestream-shutdown").unstarted(() -> {
                    if (audience != null) {
                        audience.close();
                    }
                    server.close();
                    stopped.countDown();
                }));
        stopped.await();
        return 0;
    }

    /** Where in-process clients reach this server: the bind address, or loopback when bound to every interface. */
    private URI localUrl(int boundPort) {
        String bound = bindHost();
        boolean wildcard = bound.equals("0.0.0.0") || bound.equals("::");
        String address = wildcard ? "127.0.0.1" : bound.contains(":") ? "[" + bound + "]" : bound;
        return URI.create("http://" + address + ":" + boundPort);
    }

    /** A per-address budget plus the demo audience's bots (with --demo), unless the budget is off (0). */
    private int withDemoBots(int budget) {
        return demo && budget > 0 ? budget + Math.max(0, demoViewers) : budget;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
