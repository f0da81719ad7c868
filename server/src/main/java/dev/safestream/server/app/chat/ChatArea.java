package dev.safestream.server.app.chat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.server.app.accounts.AccountsArea;
import dev.safestream.server.app.cluster.ClusterArea;
import dev.safestream.server.app.moderation.ModerationArea;
import dev.safestream.server.app.runtime.Scheduler;
import dev.safestream.server.app.runtime.Telemetry;
import dev.safestream.server.app.storage.StorageArea;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AuditTrail;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.chat.ChatRateLimiter;
import dev.safestream.server.chat.ChatService;
import dev.safestream.server.chat.ChatSettings;
import dev.safestream.server.chat.MessagePipeline;
import dev.safestream.server.chat.MessageRepository;
import dev.safestream.server.chat.TextModeration;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.MetricsPublisher;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.FilterSettings;
import dev.safestream.server.moderation.rules.SlowMode;
import dev.safestream.server.moderation.rules.SpamTracker;
import dev.safestream.server.moderation.workflow.AuditEntry;
import dev.safestream.server.moderation.workflow.AuditRepository;
import dev.safestream.server.moderation.workflow.AutoTimeouts;
import dev.safestream.server.moderation.workflow.FeedbackLabels;
import dev.safestream.server.moderation.workflow.ModeratorActions;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.ReviewQueue;
import dev.safestream.server.moderation.workflow.Sanctions;
import dev.safestream.server.moderation.workflow.ShadowEvaluator;
import dev.safestream.server.persistence.Database;
import dev.safestream.server.persistence.JdbcAuditRepository;
import dev.safestream.server.persistence.JdbcChannelSettingsRepository;
import dev.safestream.server.persistence.JdbcLabelRepository;
import dev.safestream.server.persistence.JdbcMessageRepository;
import dev.safestream.server.persistence.JdbcPinRepository;
import dev.safestream.server.persistence.JdbcReviewRepository;
import dev.safestream.server.persistence.JdbcSanctionRepository;
import dev.safestream.server.persistence.JdbcSettingsRepository;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Chat and the moderation workflow: channels, the moderation pipeline, sanctions, the review queue, labels, shadow
 * mode, and the administration that closes sockets when roles change. {@link #start} starts the pipeline's thread
 * (and shadow mode's); {@link #close} finishes every queued message first.
 */
public final class ChatArea implements AutoCloseable {
    private final ChatSettings settings;
    private final Channels channels;
    private final Sanctions sanctions;
    private final Pins pins;
    private final FeedbackLabels labels;
    private final ModeratorActions moderator;
    private final ReviewQueue reviews;
    private final MessageRepository messages;
    private final ExecutorService automod;
    private final ShadowEvaluator shadow;
    private final MessagePipeline pipeline;
    private final ChatService chat;
    private final TextModeration textModeration;
    private final AccountAdministration accountAdministration;
    private final ChannelAdministration channelAdministration;
    private final Predicate<String> channelOpen;
    private final MetricsPublisher figures;

    public ChatArea(
            ChatSettings settings,
            StorageArea storage,
            ClusterArea cluster,
            AccountsArea accounts,
            ModerationArea moderation,
            Telemetry telemetry,
            ProtocolJson json,
            Clock clock) {
        this.settings = settings;
        Database database = storage.database();
        FilterSettings filter = moderation.filter();
        ChannelBus bus = cluster.bus(settings.catchUpEvents(), clock);
        channels = new Channels(
                json,
                telemetry.chat(),
                ModerationSettings.defaults(filter.toxicThreshold(), filter.blockThreshold()),
                new JdbcChannelSettingsRepository(database, json.mapper(), clock),
                new JdbcSettingsRepository(database),
                moderation.normalizer(),
                bus);
        telemetry.prometheus().gauge("safestream_channels", channels, c -> c.all()
                .size());
        sanctions = new Sanctions(new JdbcSanctionRepository(database), clock, cluster.sanctions());
        AuditRepository audit = new JdbcAuditRepository(database);
        AuditTrail auditTrail = (channel, actor, action, target, detail) ->
                audit.record(new AuditEntry(channel, actor, action, target, detail, null, clock.instant()));
        accountAdministration = accounts.accountAdministration(auditTrail);
        // a changed account's open connections close at once; its old tokens no longer verify
        accounts.accountStates().onChange(username -> channels.all().forEach(c -> c.connectionsOf(username)
                .forEach(conn -> conn.close(CloseCode.ACCOUNT_CHANGED, "Your account changed: log in again"))));
        // closes the user's sockets in the channel on every node, so they reconnect with their new role
        channelAdministration = accounts.channelAdministration(auditTrail, (channel, username) -> channels.peek(channel)
                .close(username, CloseCode.CHANNEL_ROLE_CHANGED, "Your role in #" + channel + " changed: reconnect"));

        channelOpen = settings.openChannels() ? name -> true : accounts.channelDirectory()::exists;
        labels = new FeedbackLabels(new JdbcLabelRepository(database), accounts.authorizer(), clock);
        JdbcMessageRepository stored = new JdbcMessageRepository(database, json.mapper());
        messages = stored;
        pins = new Pins(
                new JdbcPinRepository(database), stored, channels, accounts.authorizer(), audit, channelOpen, clock);
        cluster.connect(channels, sanctions, pins, accounts.accountStates(), accounts.channelDirectory());
        moderator = new ModeratorActions(
                accounts.authorizer(),
                channels,
                sanctions,
                audit,
                accounts.users(),
                labels,
                stored,
                pins,
                channelOpen,
                clock);
        reviews = new ReviewQueue(
                new JdbcReviewRepository(database, json.mapper()),
                channels,
                audit,
                labels,
                accounts.authorizer(),
                telemetry.chat(),
                clock);
        automod = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("safestream-automod").daemon(true).factory());
        shadow = filter.shadow()
                ? new ShadowEvaluator(
                        Thresholds.of(filter.shadowFlag(), filter.shadowBlock()),
                        moderation.shadowClassifier(),
                        telemetry.chat(),
                        telemetry.workers())
                : null;
        pipeline = new MessagePipeline(
                settings.pipelineCapacity(),
                new BatchModerator(moderation.content(), new SpamTracker(), moderation.normalizer()),
                messages,
                reviews,
                new AutoTimeouts(moderator, automod),
                shadow,
                labels,
                telemetry.chat(),
                telemetry.workers(),
                clock,
                cluster.sharedMessageIds(database));
        chat = new ChatService(
                channels,
                pipeline,
                sanctions,
                new ChatRateLimiter("chat", settings.messagesPerSecond(), settings.messageBurst(), cluster.limits()),
                accounts.authorizer(),
                json,
                telemetry.chat(),
                new SlowMode(),
                clock,
                settings.maxMessageLength(),
                channelOpen,
                automod,
                pins);
        textModeration =
                new TextModeration(moderation.content(), channels, accounts.authorizer(), moderation.normalizer());
        figures = new MetricsPublisher(
                channels, cluster.figures(settings.metricsInterval().multipliedBy(3)));
    }

    /** Starts the pipeline's thread (and shadow mode's). */
    public void start() {
        if (shadow != null) {
            shadow.start();
        }
        pipeline.start();
    }

    /** Pushes the channels' figures (summed over the nodes) every METRICS_INTERVAL_SECS. */
    public void schedule(Scheduler scheduler) {
        scheduler.every(settings.metricsInterval(), figures);
    }

    /** Null while the pipeline moves, else why it is stalled (for /readyz). */
    public String problem() {
        return pipeline.stalled();
    }

    public Channels channels() {
        return channels;
    }

    public Pins pins() {
        return pins;
    }

    public Sanctions sanctions() {
        return sanctions;
    }

    public FeedbackLabels labels() {
        return labels;
    }

    public ModeratorActions moderator() {
        return moderator;
    }

    public ReviewQueue reviews() {
        return reviews;
    }

    public MessageRepository messages() {
        return messages;
    }

    public ChatService chat() {
        return chat;
    }

    public TextModeration textModeration() {
        return textModeration;
    }

    public AccountAdministration accountAdministration() {
        return accountAdministration;
    }

    public ChannelAdministration channelAdministration() {
        return channelAdministration;
    }

    /** Whether chat in a channel of this name is open: every name (OPEN_CHANNELS), or only existing ones. */
    public Predicate<String> channelOpen() {
        return channelOpen;
    }

    /** Stores and delivers every queued message, then stops the pipeline's threads. */
    @Override
    public void close() {
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
    }
}
