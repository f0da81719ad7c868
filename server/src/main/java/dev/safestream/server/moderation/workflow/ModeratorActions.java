package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.MessageDeleted;
import dev.safestream.protocol.MessagesCleared;
import dev.safestream.protocol.UserUnmuted;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.auth.AuthException;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.UserAccount;
import dev.safestream.server.auth.UserRepository;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatConnection;
import dev.safestream.server.fanout.Removal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Kick, mute, ban and channel settings. Every method checks {@link Permission#MODERATE} in the channel through the
 * {@link Authorizer} first (actions on a user also the actor's rank over the user) and writes an {@link AuditEntry}; kicks, mutes and bans also label the user's latest flagged message for
 * training ({@link FeedbackLabels}). Called from HTTP worker threads, and from the automatic-timeout executor for
 * {@link #autoMute}.
 */
public final class ModeratorActions {
    public static final Duration DEFAULT_MUTE = Duration.ofMinutes(5);
    /** The actor named in the audit log for automatic timeouts. */
    public static final String AUTOMOD = "automod";

    private final Authorizer authorizer;
    private final Channels channels;
    private final Sanctions sanctions;
    private final AuditRepository audit;
    private final UserRepository users;
    private final FeedbackLabels labels;
    private final Clock clock;
    private final MessageRemovals removals;
    private final Pins pins;

    private final Predicate<String> channelExists;

    /** @param channelExists whether a channel exists (or may be opened on first use, OPEN_CHANNELS) */
    public ModeratorActions(
            Authorizer authorizer,
            Channels channels,
            Sanctions sanctions,
            AuditRepository audit,
            UserRepository users,
            FeedbackLabels labels,
            MessageRemovals removals,
            Pins pins,
            Predicate<String> channelExists,
            Clock clock) {
        this.removals = removals;
        this.pins = pins;
        this.channelExists = channelExists;
        this.authorizer = authorizer;
        this.channels = channels;
        this.sanctions = sanctions;
        this.audit = audit;
        this.users = users;
        this.labels = labels;
        this.clock = clock;
    }

    /**
     * Closes the user's connections in the channel with {@link CloseCode#KICKED}, on every node; returns how many were
     * on this node.
     */
    public int kick(Principal actor, String channelName, String username, String reason, boolean clearMessages) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        Channel channel = existing(channelName);
        List<ChatConnection> targets = channel.connectionsOf(username);
        requireKnown(username, !targets.isEmpty());
        requireOutranks(actor, channel, "kick", username);
        record(actor, channel, "kick", username, reason, null);
        labels.sanctioned(channel.name(), username, "kick", actor.username());
        channel.close(username, CloseCode.KICKED, reason == null ? "Kicked by a moderator" : "Kicked: " + reason);
        if (clearMessages) {
            clearMessages(actor, channel, username);
        }
        return targets.size();
    }

    public Sanction mute(
            Principal actor,
            String channelName,
            String username,
            Duration duration,
            String reason,
            boolean clearMessages) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        ActionInputs.requireDuration(duration);
        Channel channel = existing(channelName);
        requireKnown(username, !channel.connectionsOf(username).isEmpty());
        requireOutranks(actor, channel, "mute", username);
        Sanction mute = imposeMute(channel, actor.username(), username, duration, reason);
        labels.sanctioned(channel.name(), username, "mute", actor.username());
        if (clearMessages) {
            clearMessages(actor, channel, username);
        }
        return mute;
    }

    /**
     * A mute the server imposes itself (the timeout ladder): no permission check, audited with actor
     * {@value #AUTOMOD}, not labelled.
     */
    public Sanction autoMute(String channelName, String username, Duration duration, String reason) {
        Duration bounded = duration.compareTo(ActionInputs.MAX_MUTE) > 0 ? ActionInputs.MAX_MUTE : duration;
        return imposeMute(channels.get(channelName), AUTOMOD, username, bounded, reason);
    }

    private Sanction imposeMute(Channel channel, String actor, String username, Duration duration, String reason) {
        Instant now = clock.instant();
        Instant until = now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
        Sanction mute = new Sanction(channel.name(), username, Sanction.Kind.MUTE, until, reason, actor);
        sanctions.impose(mute);
        audit.record(new AuditEntry(channel.name(), actor, "mute", username, reason, duration.toSeconds(), now));
        channel.sendTo(username, mute.mutedEvent());
        return mute;
    }

    /** @return whether the user was muted */
    public boolean unmute(Principal actor, String channelName, String username, String reason) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        Channel channel = existing(channelName);
        boolean lifted = sanctions.lift(channel.name(), username, Sanction.Kind.MUTE);
        record(actor, channel, "unmute", username, reason, null);
        if (lifted) {
            channel.sendTo(username, new UserUnmuted("A moderator lifted your mute; you can chat again"));
        }
        return lifted;
    }

    /** @param duration how long the ban lasts; {@code null} for a ban without end */
    public Sanction ban(
            Principal actor,
            String channelName,
            String username,
            Duration duration,
            String reason,
            boolean clearMessages) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        if (duration != null) {
            ActionInputs.requireDuration(duration);
        }
        Channel channel = existing(channelName);
        requireKnown(username, !channel.connectionsOf(username).isEmpty());
        requireOutranks(actor, channel, "ban", username);
        Instant until = duration == null ? null : clock.instant().plus(duration);
        Sanction ban = new Sanction(channel.name(), username, Sanction.Kind.BAN, until, reason, actor.username());
        sanctions.impose(ban);
        record(actor, channel, "ban", username, reason, null);
        labels.sanctioned(channel.name(), username, "ban", actor.username());
        channel.close(username, CloseCode.BANNED, reason == null ? "Banned by a moderator" : "Banned: " + reason);
        if (clearMessages) {
            clearMessages(actor, channel, username);
        }
        return ban;
    }

    /**
     * Takes a shown message back: it leaves every viewer's screen ({@code message_deleted}), {@code /api/recent} and
     * catch-up, and stays stored, marked, and audited. The caller must outrank its author, as for a ban.
     *
     * @return false when it was deleted already (nothing is announced again)
     */
    public boolean deleteMessage(Principal actor, String channelName, long id, String reason) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        Channel channel = existing(channelName);
        MessageRemovals.StoredMessage message = removals.find(id)
                .filter(m -> m.channel().equals(channel.name()))
                .orElseThrow(() -> new NoSuchElementException("No message " + id + " in #" + channel.name()));
        requireOutranks(actor, channel, "delete_message", message.author());
        if (!removals.markDeleted(id, actor.username(), clock.instant())) {
            return false;
        }
        record(
                actor,
                channel,
                "delete_message",
                message.author(),
                ActionInputs.withReason("message " + id, reason),
                null);
        channel.forget(Removal.message(id));
        pins.removed(channel.name(), Removal.message(id));
        channel.broadcast(new MessageDeleted(id, channel.name(), actor.username()));
        return true;
    }

    /** With a kick, mute or ban: the user's messages in the channel leave every screen, as deleted ones do. */
    private void clearMessages(Principal actor, Channel channel, String username) {
        int cleared = removals.markDeletedFrom(channel.name(), username, actor.username(), clock.instant());
        record(actor, channel, "clear_messages", username, cleared + " messages", null);
        channel.forget(Removal.messagesOf(username));
        pins.removed(channel.name(), Removal.messagesOf(username));
        channel.broadcast(new MessagesCleared(channel.name(), username));
    }

    /**
     * Warns a user: their connections in the channel get {@code warned}, and their chat there is refused until they
     * acknowledge it ({@link Sanctions#acknowledge}). Audited; the caller must outrank them.
     */
    public Sanction warn(Principal actor, String channelName, String username, String reason) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        Channel channel = existing(channelName);
        requireKnown(username, !channel.connectionsOf(username).isEmpty());
        requireOutranks(actor, channel, "warn", username);
        Sanction warning = new Sanction(channel.name(), username, Sanction.Kind.WARN, null, reason, actor.username());
        sanctions.impose(warning);
        record(actor, channel, "warn", username, reason, null);
        channel.sendTo(username, warning.warnedEvent());
        return warning;
    }

    /** The bans and mutes in force in the channel (moderators of it and up). */
    public List<Sanction> sanctions(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        return sanctions.activeIn(existing(channelName).name()).stream()
                .filter(s -> s.kind() != Sanction.Kind.WARN) // a warning ends when its user acknowledges it
                .toList();
    }

    public boolean unban(Principal actor, String channelName, String username, String reason) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        ActionInputs.requireReason(reason);
        Channel channel = existing(channelName);
        boolean lifted = sanctions.lift(channel.name(), username, Sanction.Kind.BAN);
        record(actor, channel, "unban", username, reason, null);
        return lifted;
    }

    public void resetMetrics(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        Channel channel = existing(channelName);
        channels.resetFigures(channel);
        record(actor, channel, "reset_metrics", null, null, null);
    }

    public double threshold(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        return channels.peek(channelName).policy().flagThreshold();
    }

    public double setThreshold(Principal actor, String channelName, double threshold) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        Channel channel = existing(channelName);
        channels.setFlagThreshold(channel, threshold);
        record(actor, channel, "set_threshold", null, "threshold=" + threshold, null);
        return threshold;
    }

    /** The channel's moderation settings (defaults when nobody configured it). */
    public ModerationSettings moderation(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        return channels.peek(channelName).policy().settings();
    }

    /**
     * Replaces the channel's moderation settings; they apply to the next message moderated.
     *
     * @throws IllegalArgumentException when a setting is invalid
     */
    public ModerationSettings updateModeration(Principal actor, String channelName, ModerationSettings settings) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        Channel channel = existing(channelName);
        channels.update(channel, settings);
        record(actor, channel, "set_moderation", null, "mode=" + settings.mode().wireName(), null);
        return settings;
    }

    public List<AuditEntry> auditLog(Principal actor, String channelName, int limit) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        return audit.recent(channels.peek(channelName).name(), limit);
    }

    private void requireKnown(String username, boolean connected) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        if (!connected && users.find(username).isEmpty()) {
            throw new NoSuchElementException("Unknown user '" + username + "'");
        }
    }

    /** Rank: the actor must stand above the target in the channel; a refusal is audited too. */
    private void requireOutranks(Principal actor, Channel channel, String action, String username) {
        try {
            authorizer.requireOutranks(
                    actor,
                    channel.name(),
                    action,
                    username,
                    users.find(username).map(UserAccount::role));
        } catch (AuthException refused) {
            record(actor, channel, "refused_" + action, username, refused.getMessage(), null);
            throw refused;
        }
    }

    private void record(Principal actor, Channel channel, String action, String target, String reason, Long seconds) {
        audit.record(
                new AuditEntry(channel.name(), actor.username(), action, target, reason, seconds, clock.instant()));
    }

    /**
     * The channel a moderator acts in; an unknown one is a 404, never created by the action (a moderator's typo, or
     * a global moderator's token walking random names, made a channel each, issue 23 L5).
     */
    private Channel existing(String channelName) {
        if (!channelExists.test(channelName)) {
            throw new NoSuchElementException("No channel '" + channelName + "'");
        }
        return channels.get(channelName);
    }
}
