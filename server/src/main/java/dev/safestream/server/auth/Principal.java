package dev.safestream.server.auth;

/**
 * An authenticated caller, as proven by a verified token.
 *
 * @param version the account's token version when the token was issued ({@link UserAccount#tokenVersion}); guests 0
 * @param passwordChangeRequired the token was issued with a temporary password: it may only change the password
 */
public record Principal(String username, Role role, int version, boolean passwordChangeRequired) {
    public Principal(String username, Role role) {
        this(username, role, 0, false);
    }
}
