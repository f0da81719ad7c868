package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.settings.TimeoutSettings;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.moderation.rules.TimeoutLadder;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic timeout ladder: the pipeline thread reports each blocked message; when a user completes a set of
 * strikes the mute is imposed through {@link ModeratorActions#autoMute} (stored, audited as {@code automod}, the user
 * told with a {@code muted} event) on a separate executor, so the pipeline thread never waits for the database.
 * Until that mute lands (milliseconds) the user's next messages are still moderated normally.
 */
public final class AutoTimeouts {
    private static final Logger log = LoggerFactory.getLogger(AutoTimeouts.class);

    private final TimeoutLadder ladder = new TimeoutLadder();
    private final ModeratorActions actions;
    private final Executor executor;

    public AutoTimeouts(ModeratorActions actions, Executor executor) {
        this.actions = actions;
        this.executor = executor;
    }

    /** A message was blocked. Pipeline thread. */
    public void blocked(Channel channel, ModeratedMessage message) {
        TimeoutSettings settings = channel.policy().settings().timeouts();
        ladder.strike(channel.name(), message.user(), settings, message.ts())
                .ifPresent(mute -> executor.execute(() -> impose(channel, message.user(), mute, settings)));
    }

    private void impose(Channel channel, String user, Duration mute, TimeoutSettings settings) {
        String reason = "automatic timeout: " + settings.strikes() + " blocked messages within "
                + settings.windowSeconds() + " s";
        try {
            actions.autoMute(channel.name(), user, mute, reason);
        } catch (Throwable e) {
            log.warn("Automatic mute of {} in {} failed", user, channel.name(), e);
        }
    }
}
