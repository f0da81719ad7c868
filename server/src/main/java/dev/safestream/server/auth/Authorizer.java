package dev.safestream.server.auth;

import java.util.Optional;

/**
 * The single place where permissions and rank are checked, for REST and WebSocket alike. Every privileged action calls
 * {@link #require} (site permissions) or {@link #requireIn} (in a channel) before doing anything, and actions on a
 * user also {@link #requireOutranks}.
 */
public final class Authorizer {
    private final ChannelDirectory channels;

    public Authorizer(ChannelDirectory channels) {
        this.channels = channels;
    }

    /**
     * A permission of the caller's site role.
     *
     * @throws AuthException {@code MISSING_TOKEN} when there is no caller, {@code FORBIDDEN} when the caller's role
     *     lacks the permission or the caller must change a temporary password first
     */
    public Principal require(Principal caller, Permission permission) {
        authenticated(caller);
        if (!caller.role().allows(permission)) {
            throw forbidden("Role " + caller.role().wireName() + " may not " + describe(permission));
        }
        return caller;
    }

    public boolean allows(Principal caller, Permission permission) {
        return caller != null
                && !caller.passwordChangeRequired()
                && caller.role().allows(permission);
    }

    /**
     * A permission in one channel: {@link Permission#MODERATE} also belongs to the channel's owner and moderators;
     * the rest come from the site role.
     */
    public Principal requireIn(Principal caller, String channel, Permission permission) {
        authenticated(caller);
        if (!allowsIn(caller, channel, permission)) {
            throw forbidden(
                    permission == Permission.MODERATE
                            ? "You do not moderate #" + channel
                            : "Role " + caller.role().wireName() + " may not " + describe(permission));
        }
        return caller;
    }

    public boolean allowsIn(Principal caller, String channel, Permission permission) {
        if (allows(caller, permission)) {
            return true;
        }
        return caller != null
                && !caller.passwordChangeRequired()
                && permission == Permission.MODERATE
                && rank(caller.username(), caller.role(), channel).compareTo(Rank.CHANNEL_MODERATOR) >= 0;
    }

    /** The permission in at least one channel: the gate of endpoints that then check a specific channel. */
    public Principal requireSomewhere(Principal caller, Permission permission) {
        authenticated(caller);
        if (!allowsSomewhere(caller, permission)) {
            throw forbidden(
                    permission == Permission.MODERATE
                            ? "Role " + caller.role().wireName() + " may not moderate, and you moderate no channel"
                            : "Role " + caller.role().wireName() + " may not " + describe(permission));
        }
        return caller;
    }

    public boolean allowsSomewhere(Principal caller, Permission permission) {
        return allows(caller, permission)
                || (caller != null
                        && !caller.passwordChangeRequired()
                        && permission == Permission.MODERATE
                        && caller.role() != Role.GUEST
                        && channels.hasChannelRole(caller.username()));
    }

    /** The user's standing in the channel. */
    public Rank rank(String username, Role role, String channel) {
        if (role == Role.ADMIN) {
            return Rank.ADMIN;
        }
        if (channels.isOwner(channel, username)) {
            return Rank.OWNER;
        }
        if (role == Role.MODERATOR) {
            return Rank.GLOBAL_MODERATOR;
        }
        if (role != Role.GUEST && channels.isModerator(channel, username)) {
            return Rank.CHANNEL_MODERATOR;
        }
        return Rank.EVERYONE;
    }

    /**
     * An action on a user in a channel needs a strictly higher rank than the user's there; nobody acts on themselves.
     *
     * @param targetRole the target's site role; empty for a name without an account (a guest)
     * @throws AuthException {@code FORBIDDEN}, saying whose rank stands in the way
     */
    public void requireOutranks(
            Principal caller, String channel, String action, String target, Optional<Role> targetRole) {
        authenticated(caller);
        if (caller.username().equalsIgnoreCase(target)) {
            throw forbidden("You cannot " + action + " yourself");
        }
        Rank mine = rank(caller.username(), caller.role(), channel);
        Rank theirs = rank(target, targetRole.orElse(Role.GUEST), channel);
        if (!mine.above(theirs)) {
            throw forbidden("You cannot " + action + " " + target + " in #" + channel + ": they are "
                    + theirs.description() + " and you are " + mine.description());
        }
    }

    private static void authenticated(Principal caller) {
        if (caller == null) {
            throw new AuthException(AuthException.Reason.MISSING_TOKEN, "Not authenticated");
        }
        if (caller.passwordChangeRequired()) {
            throw forbidden("Change your temporary password first: POST /auth/password");
        }
    }

    private static AuthException forbidden(String detail) {
        return new AuthException(AuthException.Reason.FORBIDDEN, detail);
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case WATCH -> "watch";
            case CHAT -> "chat";
            case SEND_GIFT -> "send gifts";
            case GIFT_ON_BEHALF -> "send gifts in another name";
            case MODERATE -> "moderate";
            case CREATE_CHANNEL -> "create channels";
            case ADMINISTER -> "administer the server";
        };
    }
}
