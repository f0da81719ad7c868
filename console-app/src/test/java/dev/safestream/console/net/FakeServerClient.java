package dev.safestream.console.net;

import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.rest.ActiveSanction;
import dev.safestream.protocol.settings.ModerationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written {@link ServerClient} for view-model tests: answers from fields the test sets, records every call,
 * and lets the test push stream events and statuses. Futures complete at once on the calling thread.
 */
public final class FakeServerClient implements ServerClient {
    public final List<UserAction> actions = new CopyOnWriteArrayList<>();
    public final List<String> decisions = new CopyOnWriteArrayList<>();
    public final List<ModerationSettings> savedSettings = new CopyOnWriteArrayList<>();
    public List<QueueItem> queue = new ArrayList<>();
    public List<AuditRecord> audit = new ArrayList<>();
    public ModerationSettings settings = ModerationSettings.defaults(0.6, 0.9);
    public RuntimeException failure;
    public Session session = new Session("mod", "moderator", "token", java.time.Instant.EPOCH);
    public volatile boolean closed;
    /** When set, {@link #close()} waits for it, like a server that never answers the goodbye. */
    public volatile java.util.concurrent.CountDownLatch closeWaitsFor;

    private EventListener listener;

    @Override
    public CompletableFuture<Session> login(String username, String password) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture(session);
    }

    @Override
    public void connect(String channel, EventListener listener) {
        this.listener = listener;
        listener.onStatus(ConnectionStatus.CONNECTED, "fake");
    }

    /** Pushes an event as if the server sent it. */
    public void push(ServerEvent event) {
        listener.onEvent(event);
    }

    public void status(ConnectionStatus status) {
        listener.onStatus(status, "fake");
    }

    @Override
    public CompletableFuture<String> deleteMessage(String channel, long messageId, String reason) {
        deletedMessages.add(messageId);
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture("deleted");
    }

    /** The message pinned last, or null after an unpin. */
    public volatile Long pinned;

    @Override
    public CompletableFuture<Void> pin(String channel, long messageId) {
        pinned = messageId;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> unpin(String channel) {
        boolean was = pinned != null;
        pinned = null;
        return CompletableFuture.completedFuture(was ? "unpinned" : "not_pinned");
    }

    /** The messages {@link #deleteMessage} was asked to delete, in order. */
    public final List<Long> deletedMessages = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ActionResult> act(UserAction action) {
        actions.add(action);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (action.kind() == UserAction.Kind.UNBAN || action.kind() == UserAction.Kind.UNMUTE) {
            String kind = action.kind() == UserAction.Kind.UNBAN ? "ban" : "mute";
            sanctions.removeIf(s -> s.kind().equals(kind) && s.username().equals(action.username()));
        }
        String status =
                switch (action.kind()) {
                    case KICK -> "kicked";
                    case MUTE -> "muted";
                    case BAN -> "banned";
                    case UNBAN -> "unbanned";
                    case UNMUTE -> "unmuted";
                    case WARN -> "warned";
                };
        return CompletableFuture.completedFuture(new ActionResult(action, status, status + " " + action.username()));
    }

    @Override
    public CompletableFuture<List<QueueItem>> pendingQueue(String channel) {
        return CompletableFuture.completedFuture(List.copyOf(queue));
    }

    @Override
    public CompletableFuture<QueueItem> decide(long messageId, String decision, String reason) {
        decisions.add(messageId + ":" + decision);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        QueueItem item =
                queue.stream().filter(i -> i.id() == messageId).findFirst().orElseThrow();
        String state =
                switch (decision) {
                    case "approve" -> "approved";
                    case "reject" -> "rejected";
                    default -> "highlighted";
                };
        return CompletableFuture.completedFuture(
                item.withDecision(state, new QueueItem.Decision("mod", decision, reason, java.time.Instant.EPOCH)));
    }

    @Override
    public CompletableFuture<List<ServerEvent>> recent(String channel, int limit) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<ChannelFigures> figures(String channel) {
        return CompletableFuture.completedFuture(new ChannelFigures(0, 0, 0, channel));
    }

    @Override
    public CompletableFuture<ModerationSettings> moderationSettings(String channel) {
        return CompletableFuture.completedFuture(settings);
    }

    @Override
    public CompletableFuture<ModerationSettings> updateModerationSettings(String channel, ModerationSettings settings) {
        savedSettings.add(settings);
        this.settings = settings;
        return CompletableFuture.completedFuture(settings);
    }

    @Override
    public CompletableFuture<UserProfile> profile(String username) {
        return CompletableFuture.completedFuture(
                new UserProfile(username, "viewer", java.time.Instant.parse("2026-11-18T08:00:00Z")));
    }

    @Override
    public CompletableFuture<List<AuditRecord>> audit(String channel, int limit) {
        return CompletableFuture.completedFuture(List.copyOf(audit));
    }

    /** The sanctions in force; an unban or unmute asked for through {@link #act} lifts the matching one. */
    public List<ActiveSanction> sanctions = new ArrayList<>();

    @Override
    public CompletableFuture<List<ActiveSanction>> sanctions(String channel) {
        return CompletableFuture.completedFuture(List.copyOf(sanctions));
    }

    public List<ChannelRoles> channels = new ArrayList<>();
    public List<Person> people = new ArrayList<>();
    /** Every account change asked for, as "verb user [detail]". */
    public final List<String> accountChanges = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<List<ChannelRoles>> channels() {
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(channels);
    }

    @Override
    public CompletableFuture<List<Person>> people(String query) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        String q = query == null ? "" : query;
        return CompletableFuture.completedFuture(
                people.stream().filter(p -> p.username().contains(q)).toList());
    }

    @Override
    public CompletableFuture<Void> setModerator(String channel, String username, boolean appoint) {
        accountChanges.add((appoint ? "appoint " : "dismiss ") + username + " " + channel);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        channels.replaceAll(c -> {
            if (!c.channel().equals(channel)) {
                return c;
            }
            List<String> moderators = new ArrayList<>(c.moderators());
            moderators.remove(username);
            if (appoint) {
                moderators.add(username);
            }
            return new ChannelRoles(c.channel(), c.owner(), moderators);
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Person> setRole(String username, String role) {
        accountChanges.add("role " + username + " " + role);
        return failure != null
                ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture(new Person(username, role, false, List.of(), List.of()));
    }

    @Override
    public CompletableFuture<String> resetPassword(String username) {
        accountChanges.add("reset " + username);
        return failure != null
                ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture("temp-" + username);
    }

    @Override
    public CompletableFuture<Person> setDisabled(String username, boolean disabled) {
        accountChanges.add((disabled ? "disable " : "enable ") + username);
        return failure != null
                ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture(new Person(username, "viewer", disabled, List.of(), List.of()));
    }

    @Override
    public void close() {
        closed = true;
        java.util.concurrent.CountDownLatch wait = closeWaitsFor;
        if (wait != null) {
            try {
                wait.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
