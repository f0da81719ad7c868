package dev.safestream.server.chat;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.moderation.ModerationPolicy;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** All channels of this server, created on first use. The flag threshold of each is persisted in settings. */
public final class Channels {
    /** Channel names clients may use. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    public static final String DEFAULT = "main";

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ProtocolJson json;
    private final ChatMeters meters;
    private final ModerationPolicy defaultPolicy;
    private final SettingsRepository settings;

    public Channels(ProtocolJson json, ChatMeters meters, ModerationPolicy defaultPolicy, SettingsRepository settings) {
        this.json = json;
        this.meters = meters;
        this.defaultPolicy = defaultPolicy;
        this.settings = settings;
    }

    /** @throws IllegalArgumentException when the name is not a valid channel name */
    public Channel get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel must match " + NAME.pattern());
        }
        return channels.computeIfAbsent(name, n -> new Channel(n, json, meters, loadPolicy(n)));
    }

    public Collection<Channel> all() {
        return channels.values();
    }

    /** Changes and persists a channel's flag threshold. */
    public void setFlagThreshold(Channel channel, double threshold) {
        ModerationPolicy updated = channel.policy().withFlagThreshold(threshold);
        settings.put(thresholdKey(channel.name()), Double.toString(threshold));
        channel.policy(updated);
    }

    public void resetFigures(Channel channel) {
        channel.resetFigures();
    }

    private ModerationPolicy loadPolicy(String channel) {
        return settings.get(thresholdKey(channel))
                .map(Double::parseDouble)
                .map(defaultPolicy::withFlagThreshold)
                .orElse(defaultPolicy);
    }

    private static String thresholdKey(String channel) {
        return "channel." + channel + ".flag_threshold";
    }
}
