package dev.safestream.server.app;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.AuditTrail;
import dev.safestream.server.auth.AuthLimits;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.JwtSecret;
import dev.safestream.server.auth.PasswordHasher;
import dev.safestream.server.auth.PasswordPolicy;
import dev.safestream.server.auth.SharedChanges;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.auth.UsernamePolicy;
import dev.safestream.server.chat.AuditEntry;
import dev.safestream.server.chat.AuditRepository;
import dev.safestream.server.chat.AutoTimeouts;
import dev.safestream.server.chat.ChannelBus;
import dev.safestream.server.chat.Channels;
import dev.safestream.server.chat.ChatMeters;
import dev.safestream.server.chat.ChatRateLimiter;
import dev.safestream.server.chat.ChatService;
import dev.safestream.server.chat.FeedbackLabels;
import dev.safestream.server.chat.FigureExchange;
import dev.safestream.server.chat.MessagePipeline;
import dev.safestream.server.chat.MetricsPublisher;
import dev.safestream.server.chat.ModeratorActions;
import dev.safestream.server.chat.ReviewQueue;
import dev.safestream.server.chat.Sanctions;
import dev.safestream.server.chat.ShadowEvaluator;
import dev.safestream.server.chat.TextModeration;
import dev.safestream.server.cluster.redis.RedisCluster;
import dev.safestream.server.gifts.GiftCatalogue;
import dev.safestream.server.gifts.GiftService;
import dev.safestream.server.gifts.ProducerLease;
import dev.safestream.server.gifts.RandomGiftProducer;
import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.harm.HarmRules;
import dev.safestream.server.moderation.rules.SlowMode;
import dev.safestream.server.moderation.rules.SpamTracker;
import dev.safestream.server.persistence.Database;
import dev.safestream.server.persistence.JdbcAuditRepository;
import dev.safestream.server.persistence.JdbcChannelRoleRepository;
import dev.safestream.server.persistence.JdbcChannelSettingsRepository;
import dev.safestream.server.persistence.JdbcGiftRepository;
import dev.safestream.server.persistence.JdbcLabelRepository;
import dev.safestream.server.persistence.JdbcMessageIds;
import dev.safestream.server.persistence.JdbcMessageRepository;
import dev.safestream.server.persistence.JdbcReviewRepository;
import dev.safestream.server.persistence.JdbcSanctionRepository;
import dev.safestream.server.persistence.JdbcSettingsRepository;
import dev.safestream.server.persistence.JdbcUserRepository;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
import dev.safestream.server.transport.http.HttpApi;
import dev.safestream.server.transport.http.ReadinessResource;
import dev.safestream.server.transport.ws.WebSocketTransport;
import dev.safestream.server.transport.ws.WsSettings;
import dev.safestream.server.workers.Guarded;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server wired together: start it with a {@link ServerConfig}, stop it with {@link #close()}. Tests start
 * it on port 0 and read {@link #port()}.
 */
public final class SafeStreamServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SafeStreamServer.class);
    private static final String SCHEDULER = "safestream-scheduler";
    /** How long a gift lease outlives its node: another node takes over the channel's gifts within this. */
    private static final java.time.Duration GIFT_LEASE_TTL = java.time.Duration.ofSeconds(5);
    /** Keys one node keeps per budget (client addresses, accounts) before it starts afresh: bounded memory. */
    private static final int BUCKETS_PER_LIMIT = 100_000;

    private final Database database;
    private final MessagePipeline pipeline;
    private final ExecutorService automod;
    private final ShadowEvaluator shadow;
    private final ToxicityClassifier classifier;
    private final ToxicityClassifier shadowClassifier;
    private final HttpServer http;
    private final WebSocketTransport websocket;
    private final ScheduledExecutorService scheduler;
    private LingeringClose lingering;
    private RedisCluster cluster;
    private WorkerMeters workerMeters;
    private RuntimeMeters runtimeMeters;
    private final int port;

    private SafeStreamServer(ServerConfig config, PrintStream console) throws IOException {
        DataDirectory dataDirectory = DataDirectory.prepare(config.dataDir());
        String url = config.databaseUrl() == null ? Database.defaultUrl(config.dataDir()) : config.databaseUrl();
        database = Database.open(url, config.databaseUser(), config.databasePassword());
        log.info("Database: {}", database.product());
        try {
            dataDirectory.restrictNewFiles();
            ProtocolJson json = new ProtocolJson();
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            String node = config.redisUrl() == null ? null : nodeId(config);
            if (node != null) {
                // each node is its own scrape target; the label says which node of the cluster a series is from
                prometheus.config().commonTags("node", node);
            }
            ChatMeters meters = new ChatMeters(prometheus);
            WorkerMeters workerMeters = new WorkerMeters(prometheus);
            LimitMeters limitMeters = new LimitMeters(prometheus);
            ClientAddresses addresses = new ClientAddresses(config.trustedProxies());
            lingering = new LingeringClose();
            if (config.redisUrl() != null) {
                cluster = RedisCluster.connect(config.redisUrl(), node, json.mapper());
            }
            var users = new JdbcUserRepository(database);
            var messages = new JdbcMessageRepository(database, json.mapper());
            var gifts = new JdbcGiftRepository(database);
            ChannelDirectory channelDirectory =
                    new ChannelDirectory(new JdbcChannelRoleRepository(database), config.clock());
            Authorizer authorizer = new Authorizer(channelDirectory);
            AccountStates accountStates = new AccountStates(users, config.clock());
            TokenService tokens = new TokenService(
                    JwtSecret.resolve(config.jwtSecret(), config.dataDir()),
                    config.jwtLifetime(),
                    config.clock(),
                    accountStates);
            PasswordHasher hasher = new PasswordHasher();
            PasswordPolicy passwordPolicy = new PasswordPolicy();
            UsernamePolicy usernamePolicy = new UsernamePolicy(config.maxUsernameLength());
            AccountService accounts = new AccountService(
                    users,
                    hasher,
                    tokens,
                    usernamePolicy,
                    passwordPolicy,
                    accountStates,
                    new AuthLimits(
                            config.guestTokensPerMinute(),
                            config.registrationsPerHour(),
                            config.loginFailuresPerAddress(),
                            config.loginFailuresPerAccount(),
                            cluster == null ? BucketStore.inMemory(BUCKETS_PER_LIMIT) : cluster.limits()),
                    limitMeters,
                    config.guestLifetime(),
                    config.clock());
            AccountBootstrap bootstrap = new AccountBootstrap(
                    users, accounts, console, config.dataDir(), AccountBootstrap.underSystemd(System.getenv()));
            bootstrap.ensureAdmin(config.adminPassword());
            bootstrap.ensureMainChannel(channelDirectory);
            if (config.demo()) {
                bootstrap.ensureDemoAccounts(channelDirectory);
            }

            TextNormalizer normalizer = new TextNormalizer();
            classifier = Classifiers.live(config);
            log.info("Moderation classifier: {}", classifier.name());
            HarmRules harmRules = Classifiers.harmRules(config, normalizer);
            log.info("Severe-harm rules: {}", harmRules.size());
            ContentModerator content = new ContentModerator(classifier, harmRules);
            RedisCluster redis = cluster;
            ChannelBus bus = redis == null
                    ? ChannelBus.local(config.catchUpEvents(), config.clock())
                    : redis.bus(config.catchUpEvents());
            Channels channels = new Channels(
                    json,
                    meters,
                    ModerationSettings.defaults(config.toxicThreshold(), config.blockThreshold()),
                    new JdbcChannelSettingsRepository(database, json.mapper(), config.clock()),
                    new JdbcSettingsRepository(database),
                    normalizer,
                    bus);

            prometheus.gauge("safestream_channels", channels, c -> c.all().size());
            Sanctions sanctions = new Sanctions(new JdbcSanctionRepository(database), config.clock(), bus);
            if (redis != null) {
                redis.deliverTo(channels, sanctions, accountStates, channelDirectory);
                SharedChanges shared = redis.changes();
                accountStates.shareWith(shared);
                channelDirectory.shareWith(shared);
                channels.shareWith(shared);
            }
            AuditRepository audit = new JdbcAuditRepository(database);
            AuditTrail auditTrail = (channel, actor, action, target, detail) -> audit.record(new AuditEntry(
                    channel, actor, action, target, detail, null, config.clock().instant()));
            AccountAdministration accountAdministration = new AccountAdministration(
                    users,
                    hasher,
                    passwordPolicy,
                    usernamePolicy,
                    accountStates,
                    channelDirectory,
                    authorizer,
                    auditTrail,
                    config.clock());
            // a changed account's open connections close at once; its old tokens no longer verify
            accountStates.onChange(username -> channels.all().forEach(c -> c.connectionsOf(username)
                    .forEach(conn -> conn.close(CloseCode.ACCOUNT_CHANGED, "Your account changed: log in again"))));
            // closes the user's sockets in the channel on every node, so they reconnect with their new role
            ChannelAdministration channelAdministration = new ChannelAdministration(
                    channelDirectory, users, authorizer, auditTrail, (channel, username) -> channels.peek(channel)
                            .close(
                                    username,
                                    CloseCode.CHANNEL_ROLE_CHANGED,
                                    "Your role in #" + channel + " changed: reconnect"));
            Predicate<String> channelOpen = config.openChannels() ? name -> true : channelDirectory::exists;
            FeedbackLabels labels = new FeedbackLabels(new JdbcLabelRepository(database), authorizer, config.clock());
            ModeratorActions moderator = new ModeratorActions(
                    authorizer, channels, sanctions, audit, users, labels, channelOpen, config.clock());
            ReviewQueue reviews = new ReviewQueue(
                    new JdbcReviewRepository(database, json.mapper()),
                    channels,
                    audit,
                    labels,
                    authorizer,
                    meters,
                    config.clock());
            automod = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("safestream-automod").daemon(true).factory());
            shadowClassifier = config.shadow() ? Classifiers.shadow(config).orElse(null) : null;
            shadow = config.shadow()
                    ? new ShadowEvaluator(
                            Thresholds.of(config.shadowFlag(), config.shadowBlock()),
                            shadowClassifier,
                            meters,
                            workerMeters)
                    : null;
            pipeline = new MessagePipeline(
                    config.pipelineCapacity(),
                    new BatchModerator(content, new SpamTracker(), normalizer),
                    messages,
                    reviews,
                    new AutoTimeouts(moderator, automod),
                    shadow,
                    labels,
                    meters,
                    workerMeters,
                    config.clock(),
                    redis == null ? null : new JdbcMessageIds(database));
            ChatService chat = new ChatService(
                    channels,
                    pipeline,
                    sanctions,
                    new ChatRateLimiter(
                            "chat",
                            config.messagesPerSecond(),
                            config.messageBurst(),
                            cluster == null ? BucketStore.inMemory(BUCKETS_PER_LIMIT) : cluster.limits()),
                    authorizer,
                    json,
                    meters,
                    new SlowMode(),
                    config.clock(),
                    config.maxMessageLength(),
                    channelOpen);
            GiftService giftService = new GiftService(
                    GiftCatalogue.standard(),
                    gifts,
                    channels,
                    authorizer,
                    meters,
                    config.clock(),
                    sanctions,
                    channelOpen);

            MessagePipeline runningPipeline = pipeline;
            ToxicityClassifier liveClassifier = classifier;
            Supplier<Map<String, ReadinessResource.Check>> readiness = () -> Map.of(
                    "pipeline", check(runningPipeline.stalled()),
                    "database", check(database.problem()),
                    "model", check(liveClassifier == null ? "no moderation classifier loaded" : null),
                    "cluster", check(redis == null ? null : redis.problem()));
            http = HttpApi.create(
                    new HttpApi.Settings(
                            config.host(),
                            config.port(),
                            config.maxRequestBytes(),
                            config.frameAncestors(),
                            config.metricsAllowedNetworks(),
                            config.metricsToken(),
                            config.maxHttpConnectionsPerAddress(),
                            config.httpHeaderTimeout()),
                    new HttpApi.Services(
                            accounts,
                            tokens,
                            authorizer,
                            channels,
                            moderator,
                            giftService,
                            messages,
                            gifts,
                            reviews,
                            labels,
                            new TextModeration(content, channels, authorizer, normalizer),
                            prometheus,
                            json,
                            readiness,
                            addresses,
                            limitMeters,
                            accountAdministration,
                            channelAdministration,
                            channelDirectory),
                    lingering);
            websocket = new WebSocketTransport(
                    http,
                    tokens,
                    chat,
                    meters,
                    json,
                    new WsSettings(
                            config.maxConnections(),
                            config.moderatorReservedConnections(),
                            config.maxConnectionsPerUser(),
                            config.maxConnectionsPerAddress(),
                            config.maxFrameBytes(),
                            config.clientPingsPerSecond(),
                            config.outboxLimit(),
                            config.outboxBytes(),
                            config.writerThreads(),
                            config.pingInterval(),
                            config.idleTimeout(),
                            config.clock(),
                            System::nanoTime),
                    addresses,
                    limitMeters,
                    workerMeters,
                    lingering);
            if (shadow != null) {
                shadow.start();
            }
            pipeline.start();
            http.start();
            port = http.getListeners().iterator().next().getPort();

            scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name(SCHEDULER).daemon(true).factory());
            this.workerMeters = workerMeters;
            runtimeMeters = new RuntimeMeters(prometheus, readiness);
            schedule(
                    new MetricsPublisher(
                            channels,
                            redis == null
                                    ? FigureExchange.ALONE
                                    : redis.figures(config.metricsInterval().multipliedBy(3))),
                    config.metricsInterval().toMillis());
            schedule(websocket::sweep, config.pingInterval().toMillis());
            RandomGiftProducer giftProducer = config.giftInterval().isZero()
                    ? null
                    : new RandomGiftProducer(
                            giftService,
                            channels,
                            config.giftInterval(),
                            config.clock(),
                            new SplittableRandom(),
                            redis == null ? ProducerLease.ALONE : redis.giftLease(GIFT_LEASE_TTL));
            if (giftProducer != null) {
                prometheus.gauge("safestream_gift_producer_channels", giftProducer, RandomGiftProducer::producing);
                schedule(giftProducer, 1000);
            }
            log.info("SafeStream listening on http://{}:{} (data in {})", config.host(), port, config.dataDir());
        } catch (IOException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            database.close();
            throw e;
        }
    }

    public static SafeStreamServer start(ServerConfig config) {
        return start(config, System.out);
    }

    public static SafeStreamServer start(ServerConfig config, PrintStream console) {
        try {
            return new SafeStreamServer(config, console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A periodic task that keeps its schedule even when one run throws (counted, logged). */
    private void schedule(Runnable task, long periodMillis) {
        scheduler.scheduleAtFixedRate(
                Guarded.task(SCHEDULER, workerMeters, task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static ReadinessResource.Check check(String problem) {
        return new ReadinessResource.Check(problem == null, problem);
    }

    public int port() {
        return port;
    }

    /** NODE_ID, or a generated one: host name and a random suffix. */
    private static String nodeId(ServerConfig config) {
        if (config.nodeId() != null) {
            return config.nodeId();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + java.util.HexFormat.of().toHexDigits((short) new java.security.SecureRandom().nextInt());
    }

    /**
     * Clean shutdown: stop timers, finish (store and deliver) every queued message, say goodbye to clients with 1001,
     * stop HTTP, close the database.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        pipeline.close();
        automod.shutdown();
        try {
            automod.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shadow != null) {
            shadow.close();
        }
        websocket.close();
        try {
            http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
        }
        lingering.close();
        if (cluster != null) {
            cluster.close();
        }
        database.close();
        Classifiers.close(classifier);
        Classifiers.close(shadowClassifier);
        runtimeMeters.close();
        log.info("SafeStream stopped");
    }
}
