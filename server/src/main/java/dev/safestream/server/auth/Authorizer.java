package dev.safestream.server.auth;

/**
 * The single place where permissions are checked, for REST and WebSocket alike. Every privileged action calls
 * {@link #require} before doing anything.
 */
public final class Authorizer {
    /**
     * @throws AuthException {@code MISSING_TOKEN} when there is no caller, {@code FORBIDDEN} when the caller's role
     *     lacks the permission
     */
    public Principal require(Principal caller, Permission permission) {
        if (caller == null) {
            throw new AuthException(AuthException.Reason.MISSING_TOKEN, "Not authenticated");
        }
        if (!caller.role().allows(permission)) {
            throw new AuthException(
                    AuthException.Reason.FORBIDDEN,
                    "Role " + caller.role().wireName() + " may not " + describe(permission));
        }
        return caller;
    }

    public boolean allows(Principal caller, Permission permission) {
        return caller != null && caller.role().allows(permission);
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case WATCH -> "watch";
            case CHAT -> "chat";
            case SEND_GIFT -> "send gifts";
            case GIFT_ON_BEHALF -> "send gifts in another name";
            case MODERATE -> "moderate";
            case ADMINISTER -> "administer the server";
        };
    }
}
