package dev.safestream.console.net;

import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.rest.ActiveSanction;
import dev.safestream.protocol.settings.ModerationSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the console asks of a SafeStream server: log in, the moderator stream, and the REST calls behind every
 * action. The one boundary between the console and the network; {@code HttpServerClient} speaks to a real server and
 * tests use a fake.
 *
 * <p>Threads: {@link EventListener} callbacks arrive on the client's own thread (never the FX thread) and must not
 * block; futures complete on the HTTP client's threads. Callers hop onto the FX thread through {@code UiExecutor}.
 */
public interface ServerClient extends AutoCloseable {

    /**
     * Deletes a shown message for everyone ({@code DELETE /api/channels/{c}/messages/{id}}); completes with
     * {@code deleted}, or {@code already_deleted}.
     */
    CompletableFuture<String> deleteMessage(String channel, long messageId, String reason);

    /** Pins a shown message in the channel ({@code PUT /api/channels/{c}/pin}), replacing its pin. */
    CompletableFuture<Void> pin(String channel, long messageId);

    /** Takes the channel's pin down; completes with {@code unpinned}, or {@code not_pinned}. */
    CompletableFuture<String> unpin(String channel);

    /** Logs in with a username and password; the session's token is used for every later call. */
    CompletableFuture<Session> login(String username, String password);

    /**
     * Opens the moderator stream for a channel and keeps it open: reconnects with backoff after a drop and reports
     * every change of {@link ConnectionStatus}. {@link ConnectionStatus#AUTH_EXPIRED} means log in again.
     */
    void connect(String channel, EventListener listener);

    /** Runs a moderator action ({@code /api/admin/{kick,mute,ban,unban,unmute}}). */
    CompletableFuture<ActionResult> act(UserAction action);

    /** The channel's review queue: pending items with every decision so far. */
    CompletableFuture<List<QueueItem>> pendingQueue(String channel);

    /** Records this moderator's decision on a held message ({@code approve}, {@code highlight}, {@code reject}). */
    CompletableFuture<QueueItem> decide(long messageId, String decision, String reason);

    /** The channel's latest visible messages and gifts, oldest first, to start mid-stream. */
    CompletableFuture<List<ServerEvent>> recent(String channel, int limit);

    /** The channel's figures ({@code GET /metrics}). */
    CompletableFuture<ChannelFigures> figures(String channel);

    /** The channel's moderation settings ({@code GET /api/channels/{c}/moderation}). */
    CompletableFuture<ModerationSettings> moderationSettings(String channel);

    /** Replaces the channel's moderation settings, all of them; the server answers with what it stored. */
    CompletableFuture<ModerationSettings> updateModerationSettings(String channel, ModerationSettings settings);

    /** Another user's account: role and when it was created ({@code GET /api/users/{username}}). */
    CompletableFuture<UserProfile> profile(String username);

    /** The channel's audit log, newest first. */
    CompletableFuture<List<AuditRecord>> audit(String channel, int limit);

    /** The bans and mutes in force in the channel, bans first ({@code GET /api/channels/{channel}/sanctions}). */
    CompletableFuture<List<ActiveSanction>> sanctions(String channel);

    /** Every channel with its owner and moderators ({@code GET /api/channels}). */
    CompletableFuture<List<ChannelRoles>> channels();

    /** Accounts whose name contains {@code query} (admins; {@code GET /api/admin/users}). */
    CompletableFuture<List<Person>> people(String query);

    /** Appoints ({@code true}) or dismisses a moderator of the channel (its owner or an admin). */
    CompletableFuture<Void> setModerator(String channel, String username, boolean appoint);

    /** Changes an account's site role (admins). */
    CompletableFuture<Person> setRole(String username, String role);

    /** Sets a temporary password the user must change at the next login (admins); completes with it. */
    CompletableFuture<String> resetPassword(String username);

    /** Disables ({@code true}) or enables an account (admins). */
    CompletableFuture<Person> setDisabled(String username, boolean disabled);

    @Override
    void close();

    /** Receives the moderator stream. Called on the client's thread; must not block. */
    interface EventListener {
        void onEvent(ServerEvent event);

        void onStatus(ConnectionStatus status, String detail);
    }
}
