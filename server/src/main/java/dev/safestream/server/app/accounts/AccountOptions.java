package dev.safestream.server.app.accounts;

import dev.safestream.server.app.cli.Env;
import dev.safestream.server.app.cli.Minutes;
import dev.safestream.server.auth.AccountSettings;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Option;

/** Accounts, tokens and the unauthenticated endpoints' budgets; the secrets come from the environment only. */
public final class AccountOptions {
    @Option(
            names = "--jwt-expire-minutes",
            defaultValue = "${env:JWT_EXPIRE_MINUTES:-30}",
            converter = Minutes.class,
            description = "Token lifetime (JWT_EXPIRE_MINUTES).")
    public Duration jwtLifetime;

    @Option(
            names = "--guest-token-minutes",
            defaultValue = "${env:GUEST_TOKEN_MINUTES:-240}",
            converter = Minutes.class,
            description = "Lifetime of a watch-only guest token in minutes; the viewer page takes a fresh one when it"
                    + " ends (GUEST_TOKEN_MINUTES).")
    public Duration guestLifetime;

    @Option(
            names = "--guest-tokens-per-minute",
            defaultValue = "${env:GUEST_TOKENS_PER_MINUTE:-30}",
            description = "Guest tokens per client address per minute; 0 = unlimited (GUEST_TOKENS_PER_MINUTE).")
    public int guestTokensPerMinute;

    @Option(
            names = "--registrations-per-hour",
            defaultValue = "${env:REGISTRATIONS_PER_ADDRESS_PER_HOUR:-20}",
            description = "Registrations per client address per hour; then 429 with Retry-After; 0 = unlimited"
                    + " (REGISTRATIONS_PER_ADDRESS_PER_HOUR).")
    public int registrationsPerHour;

    @Option(
            names = "--login-failures-per-address",
            defaultValue = "${env:LOGIN_FAILURES_PER_ADDRESS:-20}",
            description = "Failed logins per client address per 10 minutes; then 429 with Retry-After; 0 = unlimited"
                    + " (LOGIN_FAILURES_PER_ADDRESS).")
    public int loginFailuresPerAddress;

    @Option(
            names = "--login-failures-per-account",
            defaultValue = "${env:LOGIN_FAILURES_PER_ACCOUNT:-10}",
            description = "Failed logins per account per 10 minutes from addresses that never logged in to it; then"
                    + " 429 with Retry-After; a success resets it; 0 = unlimited (LOGIN_FAILURES_PER_ACCOUNT).")
    public int loginFailuresPerAccount;

    @Option(
            names = "--max-username-length",
            defaultValue = "${env:MAX_USERNAME_LENGTH:-50}",
            description = "Longest username accepted at registration (MAX_USERNAME_LENGTH).")
    public int maxUsernameLength;

    /** JWT_SECRET_KEY: environment only. */
    public String jwtSecret;

    /** SAFESTREAM_ADMIN_PASSWORD: environment only. */
    public String adminPassword;

    public void readSecrets(Map<String, String> env) {
        jwtSecret = Env.secret(env, "JWT_SECRET_KEY");
        adminPassword = Env.secret(env, "SAFESTREAM_ADMIN_PASSWORD");
    }

    /** These settings; {@code perAddress} widens the per-address registration budget (the demo's bots). */
    public AccountSettings settings(IntUnaryOperator perAddress) {
        return new AccountSettings(
                jwtSecret,
                jwtLifetime,
                guestLifetime,
                guestTokensPerMinute,
                perAddress.applyAsInt(registrationsPerHour),
                loginFailuresPerAddress,
                loginFailuresPerAccount,
                maxUsernameLength,
                adminPassword);
    }
}
