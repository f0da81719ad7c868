package dev.safestream.server.auth;

import dev.safestream.server.limits.BucketStore;

/**
 * The budgets of the unauthenticated endpoints, per client address (and per account for logins); 0 turns one off.
 *
 * @param guestTokensPerMinute guest tokens per address per minute (GUEST_TOKENS_PER_MINUTE)
 * @param registrationsPerHour registrations per address per hour (REGISTRATIONS_PER_ADDRESS_PER_HOUR)
 * @param loginFailuresPerAddress failed logins per address per 10 minutes (LOGIN_FAILURES_PER_ADDRESS)
 * @param loginFailuresPerAccount failed logins per account per 10 minutes, from addresses that never logged in to it
 *     (LOGIN_FAILURES_PER_ACCOUNT)
 * @param store where the budgets are counted: this node's memory, or Redis so that they hold across a cluster
 */
public record AuthLimits(
        int guestTokensPerMinute,
        int registrationsPerHour,
        int loginFailuresPerAddress,
        int loginFailuresPerAccount,
        BucketStore store) {}
