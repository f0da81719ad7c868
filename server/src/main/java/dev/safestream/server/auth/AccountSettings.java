package dev.safestream.server.auth;

import java.time.Duration;

/**
 * Accounts, tokens and the budgets of the unauthenticated endpoints; a budget of 0 turns it off.
 *
 * @param jwtSecret the token signing secret (JWT_SECRET_KEY, environment only), or null for the generated one
 * @param jwtLifetime how long an account's token is valid (JWT_EXPIRE_MINUTES)
 * @param guestLifetime how long a watch-only guest token is valid (GUEST_TOKEN_MINUTES)
 * @param guestTokensPerMinute guest tokens per client address per minute (GUEST_TOKENS_PER_MINUTE)
 * @param registrationsPerHour registrations per client address per hour (REGISTRATIONS_PER_ADDRESS_PER_HOUR)
 * @param loginFailuresPerAddress failed logins per address per 10 minutes (LOGIN_FAILURES_PER_ADDRESS)
 * @param loginFailuresPerAccount failed logins per account per 10 minutes (LOGIN_FAILURES_PER_ACCOUNT)
 * @param maxUsernameLength the longest username accepted at registration (MAX_USERNAME_LENGTH)
 * @param adminPassword the first admin's password (SAFESTREAM_ADMIN_PASSWORD, environment only), or null for a
 *     generated one
 */
public record AccountSettings(
        String jwtSecret,
        Duration jwtLifetime,
        Duration guestLifetime,
        int guestTokensPerMinute,
        int registrationsPerHour,
        int loginFailuresPerAddress,
        int loginFailuresPerAccount,
        int maxUsernameLength,
        String adminPassword) {
    public AccountSettings {
        require(jwtLifetime.isPositive(), "--jwt-expire-minutes/JWT_EXPIRE_MINUTES must be positive");
        require(guestLifetime.isPositive(), "--guest-token-minutes/GUEST_TOKEN_MINUTES must be positive");
        require(
                guestTokensPerMinute >= 0
                        && registrationsPerHour >= 0
                        && loginFailuresPerAddress >= 0
                        && loginFailuresPerAccount >= 0,
                "GUEST_TOKENS_PER_MINUTE, REGISTRATIONS_PER_ADDRESS_PER_HOUR and LOGIN_FAILURES_PER_* must not be"
                        + " negative (0 = unlimited)");
        require(
                maxUsernameLength >= 3 && maxUsernameLength <= 64,
                "--max-username-length/MAX_USERNAME_LENGTH must be between 3 and 64");
        require(
                adminPassword == null || adminPassword.isEmpty() || adminPassword.length() >= 6,
                "SAFESTREAM_ADMIN_PASSWORD must be at least 6 characters");
    }

    /** These budgets, counted in {@code store}. */
    public AuthLimits limits(dev.safestream.server.limits.BucketStore store) {
        return new AuthLimits(
                guestTokensPerMinute, registrationsPerHour, loginFailuresPerAddress, loginFailuresPerAccount, store);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() { // never the secrets
        return "AccountSettings[jwtLifetime=" + jwtLifetime + ", guestLifetime=" + guestLifetime + "]";
    }
}
