package dev.safestream.server.fanout;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.moderation.ModerationPolicy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * All channels of this server, created on first use. Each channel's moderation settings are loaded once at start-up
 * and cached in memory as a compiled {@link ModerationPolicy}; changes are written through. Creating a channel never
 * touches the database, so socket threads may call {@link #get}.
 */
public final class Channels implements LocalDelivery {
    /** Channel names clients may use. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    public static final String DEFAULT = "main";
    private static final String LEGACY_PREFIX = "channel.";
    private static final String LEGACY_SUFFIX = ".flag_threshold";

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, ModerationSettings> stored = new ConcurrentHashMap<>();
    private final ProtocolJson json;
    private final ChatMeters meters;
    private final ModerationSettings defaults;
    private final ModerationPolicy defaultPolicy;
    private final ChannelSettingsRepository repository;
    private final TextNormalizer normalizer;
    private final ChannelBus bus;
    private volatile dev.safestream.server.auth.SharedChanges shared = dev.safestream.server.auth.SharedChanges.NONE;

    /**
     * @param bus how events reach connections: {@link ChannelBus#local}, or every node's in cluster mode; these
     *     channels become its {@link LocalDelivery}
     */
    public Channels(
            ProtocolJson json,
            ChatMeters meters,
            ModerationSettings defaults,
            ChannelSettingsRepository repository,
            SettingsRepository legacy,
            TextNormalizer normalizer,
            ChannelBus bus) {
        this.bus = bus;
        this.json = json;
        this.meters = meters;
        this.defaults = defaults;
        this.defaultPolicy = ModerationPolicy.compile(defaults, normalizer);
        this.repository = repository;
        this.normalizer = normalizer;
        stored.putAll(legacyThresholds(legacy, defaults));
        stored.putAll(repository.all());
        bus.deliverTo(this);
    }

    /** @throws IllegalArgumentException when the name is not a valid channel name */
    public Channel get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel must match " + NAME.pattern());
        }
        return channels.computeIfAbsent(name, n -> new Channel(n, json, meters, policyFor(n), bus));
    }

    /**
     * A channel for reading only: the live one when it exists, else a detached one with the stored or default policy
     * that nobody can join and that is not kept, so reads of random names leave no state behind.
     *
     * @throws IllegalArgumentException when the name is not a valid channel name
     */
    public Channel peek(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel must match " + NAME.pattern());
        }
        Channel live = channels.get(name);
        return live != null ? live : new Channel(name, json, meters, policyFor(name), bus);
    }

    /** A {@link ChannelBus} delivers an event from another node (or this one) to this node's connections. */
    public void deliverHere(String channel, Audience audience, String user, Outgoing event) {
        Channel live = channels.get(channel);
        if (live != null) {
            live.deliverHere(audience, user, event);
        }
    }

    /** A {@link ChannelBus} closes a user's connections on this node. */
    public void closeHere(String channel, String user, dev.safestream.protocol.CloseCode code, String reason) {
        Channel live = channels.get(channel);
        if (live != null) {
            live.closeHere(user, code, reason);
        }
    }

    public Collection<Channel> all() {
        return channels.values();
    }

    /** The policy of a channel nobody configured (the server's thresholds, no rules). */
    public ModerationPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /**
     * Validates, stores and applies new settings; the next message the pipeline takes uses them. Synchronised so that
     * concurrent changes reach the database and memory in the same order.
     *
     * @throws IllegalArgumentException when a pattern does not compile
     */
    public synchronized void update(Channel channel, ModerationSettings settings) {
        ModerationPolicy policy = ModerationPolicy.compile(settings, normalizer);
        repository.save(channel.name(), settings);
        stored.put(channel.name(), settings);
        channel.policy(policy);
        shared.changed(dev.safestream.server.auth.SharedChanges.Kind.CHANNEL_SETTINGS, channel.name());
    }

    /** Cluster mode: settings changed here are told to the other nodes. */
    public void shareWith(dev.safestream.server.auth.SharedChanges changes) {
        this.shared = changes;
    }

    /** Another node changed a channel's settings: read them again and recompile the live channel's policy. */
    public synchronized void settingsChangedElsewhere(String channel) {
        ModerationSettings settings = repository.all().get(channel);
        if (settings == null) {
            return;
        }
        stored.put(channel, settings);
        Channel live = channels.get(channel);
        if (live != null) {
            live.policy(ModerationPolicy.compile(settings, normalizer));
        }
    }

    /**
     * Reads every channel's settings again and recompiles the live channels' policies (cluster mode, after an outage
     * of the bus, when other nodes' changes could not be told).
     */
    public synchronized void reloadSettings() {
        Map<String, ModerationSettings> all = repository.all();
        stored.putAll(all);
        all.forEach((channel, settings) -> {
            Channel live = channels.get(channel);
            if (live != null) {
                live.policy(ModerationPolicy.compile(settings, normalizer));
            }
        });
    }

    /** Changes and persists a channel's flag threshold (the older single-threshold API). */
    public synchronized void setFlagThreshold(Channel channel, double threshold) {
        ModerationSettings current = channel.policy().settings();
        update(channel, current.withThresholds(current.thresholds().withFlag(threshold)));
    }

    /** Resets a channel's figures here and (cluster mode) on every other node. */
    public void resetFigures(Channel channel) {
        channel.resetFigures();
        shared.changed(dev.safestream.server.auth.SharedChanges.Kind.CHANNEL_FIGURES, channel.name());
    }

    /** Another node reset a channel's figures. */
    public void figuresResetElsewhere(String channel) {
        Channel live = channels.get(channel);
        if (live != null) {
            live.resetFigures();
        }
    }

    private ModerationPolicy policyFor(String channel) {
        ModerationSettings settings = stored.get(channel);
        return settings == null ? defaultPolicy : ModerationPolicy.compile(settings, normalizer);
    }

    private static Map<String, ModerationSettings> legacyThresholds(
            SettingsRepository legacy, ModerationSettings defaults) {
        Map<String, ModerationSettings> out = new HashMap<>();
        legacy.findByPrefix(LEGACY_PREFIX).forEach((key, value) -> {
            if (key.endsWith(LEGACY_SUFFIX)) {
                String channel = key.substring(LEGACY_PREFIX.length(), key.length() - LEGACY_SUFFIX.length());
                double flag = Double.parseDouble(value);
                out.put(
                        channel,
                        defaults.withThresholds(defaults.thresholds()
                                .withFlag(Math.min(flag, defaults.thresholds().block()))));
            }
        });
        return out;
    }
}
