package dev.safestream.server.auth;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Channels and their roles: streamers create channels they own, owners (and admins) appoint and dismiss the channel's
 * moderators, admins hand a channel to a new owner. Checks go through the {@link Authorizer}; every change is audited
 * in the channel's log and reaches the user's open connections in that channel at once ({@code roleChanged}).
 */
public final class ChannelAdministration {
    /** New channel names: lower case like usernames, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** A channel as the API shows it: owner and moderators by username (owner null: the admins'). */
    public record ChannelView(String name, String owner, List<String> moderators) {}

    private final ChannelDirectory channels;
    private final UserRepository users;
    private final Authorizer authorizer;
    private final AuditTrail audit;
    private final BiConsumer<String, String> roleChanged;

    /** @param roleChanged (channel, username): the user's role in the channel changed */
    public ChannelAdministration(
            ChannelDirectory channels,
            UserRepository users,
            Authorizer authorizer,
            AuditTrail audit,
            BiConsumer<String, String> roleChanged) {
        this.channels = channels;
        this.users = users;
        this.authorizer = authorizer;
        this.audit = audit;
        this.roleChanged = roleChanged;
    }

    public List<ChannelView> list() {
        return channels.names().stream().map(this::view).toList();
    }

    public ChannelView get(String channel) {
        requireExists(channel);
        return view(channel);
    }

    /** A streamer's (or admin's) new channel, owned by the caller. */
    public ChannelView create(Principal caller, String name) {
        authorizer.require(caller, Permission.CREATE_CHANNEL);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AuthException(
                    AuthException.Reason.INVALID_INPUT,
                    "name must be 1 to 32 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        if (!channels.create(name, caller.username())) {
            throw new AuthException(AuthException.Reason.USERNAME_TAKEN, "Channel '" + name + "' exists already");
        }
        audit.record(name, caller.username(), "create_channel", null, null);
        return view(name);
    }

    /** Admins hand a channel to a streamer (or another admin). */
    public ChannelView setOwner(Principal caller, String channel, String username) {
        authorizer.require(caller, Permission.ADMINISTER);
        requireExists(channel);
        UserAccount owner = account(username);
        if (owner.role() != Role.STREAMER && owner.role() != Role.ADMIN) {
            throw new AuthException(
                    AuthException.Reason.INVALID_INPUT,
                    owner.username() + " is a " + owner.role().wireName() + ": make them a streamer first");
        }
        Optional<String> before = channels.owner(channel);
        channels.setOwner(channel, owner.username());
        audit.record(
                channel,
                caller.username(),
                "set_owner",
                owner.username(),
                before.map(b -> "was " + b).orElse(null));
        before.ifPresent(b -> roleChanged.accept(channel, b));
        roleChanged.accept(channel, owner.username());
        return view(channel);
    }

    public List<String> moderators(Principal caller, String channel) {
        authorizer.requireIn(caller, channel, Permission.MODERATE);
        requireExists(channel);
        return channels.moderators(channel);
    }

    /** @return false when the user moderated the channel already */
    public boolean appoint(Principal caller, String channel, String username) {
        requireOwnerOrAdmin(caller, channel, "appoint moderators");
        UserAccount target = account(username);
        if (channels.isOwner(channel, target.username())) {
            throw new AuthException(AuthException.Reason.INVALID_INPUT, target.username() + " owns #" + channel);
        }
        boolean added = channels.appoint(channel, target.username(), caller.username());
        audit.record(channel, caller.username(), "appoint_moderator", target.username(), null);
        roleChanged.accept(channel, target.username());
        return added;
    }

    /** @return whether the user moderated the channel */
    public boolean dismiss(Principal caller, String channel, String username) {
        requireOwnerOrAdmin(caller, channel, "dismiss moderators");
        boolean removed = channels.dismiss(channel, username);
        audit.record(channel, caller.username(), "dismiss_moderator", username, null);
        if (removed) {
            roleChanged.accept(channel, username);
        }
        return removed;
    }

    private void requireOwnerOrAdmin(Principal caller, String channel, String what) {
        requireExists(channel);
        authorizer.requireIn(caller, channel, Permission.MODERATE);
        if (authorizer.rank(caller.username(), caller.role(), channel).compareTo(Rank.OWNER) < 0) {
            throw new AuthException(
                    AuthException.Reason.FORBIDDEN, "Only the owner of #" + channel + " or an admin may " + what);
        }
    }

    private UserAccount account(String username) {
        return users.find(username).orElseThrow(() -> new NoSuchElementException("Unknown user '" + username + "'"));
    }

    private void requireExists(String channel) {
        if (!channels.exists(channel)) {
            throw new NoSuchElementException("No channel '" + channel + "'");
        }
    }

    private ChannelView view(String channel) {
        String owner = channels.owner(channel)
                .map(k -> users.find(k).map(UserAccount::username).orElse(k))
                .orElse(null);
        return new ChannelView(channel, owner, channels.moderators(channel));
    }
}
