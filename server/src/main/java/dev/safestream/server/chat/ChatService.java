package dev.safestream.server.chat;

import dev.safestream.protocol.AcknowledgeWarning;
import dev.safestream.protocol.ClientCommand;
import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ErrorReported;
import dev.safestream.protocol.Ping;
import dev.safestream.protocol.Pong;
import dev.safestream.protocol.ProtocolException;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.SendChat;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.SessionStarted;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatConnection;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.rules.SlowMode;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.Sanction;
import dev.safestream.server.moderation.workflow.Sanctions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a client connects, sends a frame, or leaves. Called by the transport on socket threads; every
 * method is cheap and non-blocking (moderation and storage happen on the {@link MessagePipeline} thread). The checks
 * here are O(1) per message: permission, length, mute, rate limit, slow mode.
 */
public final class ChatService {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    /** Consecutive invalid frames after which a connection is closed as abusive. */
    static final int MAX_STRIKES = 20;

    private final Channels channels;
    private final MessagePipeline pipeline;
    private final Sanctions sanctions;
    private final ChatRateLimiter rateLimiter;
    private final Authorizer authorizer;
    private final ProtocolJson json;
    private final ChatMeters meters;
    private final SlowMode slowMode;
    private final Clock clock;
    private final int maxMessageLength;
    private final Predicate<String> channelOpen;
    /** Where an acknowledged warning is removed from storage: off the socket threads. */
    private final Executor sanctionWriter;

    private final Pins pins;

    private final Map<ChatConnection, AtomicInteger> strikes = new ConcurrentHashMap<>();

    public ChatService(
            Channels channels,
            MessagePipeline pipeline,
            Sanctions sanctions,
            ChatRateLimiter rateLimiter,
            Authorizer authorizer,
            ProtocolJson json,
            ChatMeters meters,
            SlowMode slowMode,
            Clock clock,
            int maxMessageLength,
            Predicate<String> channelOpen,
            Executor sanctionWriter,
            Pins pins) {
        this.sanctionWriter = sanctionWriter;
        this.pins = pins;
        this.channels = channels;
        this.pipeline = pipeline;
        this.sanctions = sanctions;
        this.rateLimiter = rateLimiter;
        this.authorizer = authorizer;
        this.json = json;
        this.meters = meters;
        this.slowMode = slowMode;
        this.clock = clock;
        this.maxMessageLength = maxMessageLength;
        this.channelOpen = channelOpen;
    }

    /**
     * Whether {@code principal} moderates somewhere (site moderators, admins, channel owners and moderators): they may
     * use the connection capacity held back for moderators.
     */
    public boolean mayModerate(Principal principal) {
        return authorizer.allowsSomewhere(principal, Permission.MODERATE);
    }

    /**
     * A connection passed authentication. Banned users are refused; everyone else joins and is welcomed, then (with
     * {@code since}, the last event id the client saw, else null) gets the events it missed.
     */
    public void opened(ChatConnection connection, boolean batched, EventId since) {
        String user = connection.principal().username();
        if (!authorizer.allows(connection.principal(), Permission.WATCH)) {
            connection.close(CloseCode.POLICY_VIOLATION, "Not allowed to watch");
            return;
        }
        if (!channelOpen.test(connection.channel())) {
            connection.close(CloseCode.UNKNOWN_CHANNEL, "No channel '" + connection.channel() + "'");
            return;
        }
        if (sanctions.isBanned(connection.channel(), user)) {
            connection.close(CloseCode.BANNED, "You are banned from this channel");
            return;
        }
        Channel channel = channels.get(connection.channel());
        boolean moderator = authorizer.allowsIn(connection.principal(), channel.name(), Permission.MODERATE);
        if (since == null) {
            channel.join(connection, moderator);
        } else {
            channel.joinCatchingUp(connection, moderator, since);
        }
        send(
                connection,
                new SessionStarted(
                        user, channel.name(), connection.principal().role().wireName(), batched));
        sanctions.find(channel.name(), user, Sanction.Kind.MUTE).ifPresent(mute -> send(connection, mute.mutedEvent()));
        sanctions.find(channel.name(), user, Sanction.Kind.WARN).ifPresent(w -> send(connection, w.warnedEvent()));
        pins.current(channel.name()).ifPresent(pin -> send(connection, pin.event()));
        if (since != null) {
            channel.catchUp(connection);
        }
    }

    /** One text frame from the client. */
    public void received(ChatConnection connection, String frame) {
        ClientCommand command;
        try {
            command = json.decodeCommand(frame);
        } catch (ProtocolException e) {
            strike(connection, e.toEvent());
            return;
        }
        switch (command) {
            case SendChat chat -> chat(connection, chat);
            case Ping ping -> send(connection, new Pong(ping.nonce()));
            case AcknowledgeWarning ack ->
                sanctions.acknowledge(
                        connection.channel(), connection.principal().username(), sanctionWriter);
        }
    }

    public void closed(ChatConnection connection) {
        strikes.remove(connection);
        channels.get(connection.channel()).leave(connection);
    }

    private void chat(ChatConnection connection, SendChat chat) {
        String user = connection.principal().username();
        if (!authorizer.allows(connection.principal(), Permission.CHAT)) {
            reject(connection, new ErrorReported(ErrorReported.FORBIDDEN, "Log in with an account to chat"));
            return;
        }
        String text = chat.message() == null ? "" : chat.message().strip();
        if (text.isEmpty() || text.length() > maxMessageLength) {
            strike(
                    connection,
                    new ErrorReported(
                            ErrorReported.INVALID_MESSAGE, "message must be 1 to " + maxMessageLength + " characters"));
            return;
        }
        strikes.remove(connection);
        var mute = sanctions.find(connection.channel(), user, Sanction.Kind.MUTE);
        if (mute.isPresent()) {
            meters.rejected();
            send(connection, mute.get().mutedEvent());
            return;
        }
        var warning = sanctions.find(connection.channel(), user, Sanction.Kind.WARN);
        if (warning.isPresent()) {
            meters.rejected();
            send(connection, warning.get().warnedEvent());
            return;
        }
        // at once in memory; in a cluster the budget is in Redis and the rest runs when it answers (Lettuce's thread)
        rateLimiter.tryAcquireAsync(user).thenAccept(allowed -> {
            try {
                if (!allowed) {
                    reject(connection, new ErrorReported(ErrorReported.RATE_LIMITED, "Slow down: too many messages"));
                } else if (connection.isOpen()) {
                    submit(connection, text);
                }
            } catch (RuntimeException e) {
                // on Lettuce's thread nobody else would see it: the author is told, as for any failed frame
                log.error("Handling a message from {} failed", user, e);
                send(
                        connection,
                        new ErrorReported(
                                ErrorReported.MESSAGE_FAILED,
                                "The server could not process this message; it was not sent"));
            }
        });
    }

    /** A message that passed every per-user check but slow mode: into the pipeline. */
    private void submit(ChatConnection connection, String text) {
        Channel channel = channels.get(connection.channel());
        boolean exempt = authorizer.allowsIn(connection.principal(), channel.name(), Permission.MODERATE);
        if (!exempt && mustWait(connection, channel)) {
            return;
        }
        if (!pipeline.submit(new MessagePipeline.Submission(connection, channel, text, exempt, System.nanoTime()))) {
            reject(
                    connection,
                    new ErrorReported(ErrorReported.OVERLOADED, "Server busy: your message was not sent, try again"));
            return;
        }
        meters.messageIn();
    }

    /** Slow mode: refuses the message and says how long to wait when the user's interval has not passed. */
    private boolean mustWait(ChatConnection connection, Channel channel) {
        ModerationPolicy policy = channel.policy();
        int seconds = policy.settings().slowModeSeconds();
        String user = connection.principal().username();
        if (seconds == 0 || policy.allowListed(user)) {
            return false;
        }
        Optional<Duration> wait = slowMode.check(channel.name(), user, seconds, clock.instant());
        if (wait.isEmpty()) {
            return false;
        }
        long s = SlowMode.secondsToWait(wait.get());
        reject(
                connection,
                new ErrorReported(
                        ErrorReported.SLOW_MODE,
                        "Slow mode: wait " + s + " s before your next message (one message every " + seconds + " s)",
                        s));
        return true;
    }

    private void strike(ChatConnection connection, ErrorReported error) {
        reject(connection, error);
        int count =
                strikes.computeIfAbsent(connection, c -> new AtomicInteger()).incrementAndGet();
        if (count >= MAX_STRIKES) {
            connection.close(CloseCode.ABUSIVE, "Too many invalid frames");
        }
    }

    private void reject(ChatConnection connection, ErrorReported error) {
        meters.rejected();
        send(connection, error);
    }

    private void send(ChatConnection connection, ServerEvent event) {
        connection.offer(new Outgoing(json.encode(event)));
    }
}
