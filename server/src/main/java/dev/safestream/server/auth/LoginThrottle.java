package dev.safestream.server.auth;

import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.limits.KeyedBuckets;
import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles password guessing, per client address and per account, without a lockout an attacker could use.
 *
 * <p>Each failed login takes a token from its address's bucket and from its account's bucket ({@link #WINDOW}
 * refills each). With either empty, further attempts get 429 and {@code Retry-After} before the password is even
 * checked: after the burst, one guess per {@code WINDOW / budget}. A successful login refills the account's bucket.
 *
 * <p>Why no one can lock the admin out: an address that has logged in to an account successfully is not held by that
 * account's bucket (only by its own address bucket), so guesses from elsewhere cannot keep the owner out; and
 * everything refills by itself. Known addresses live in memory, at most {@link #KNOWN_PER_ACCOUNT} per account (per
 * node; the budgets themselves are shared across a cluster).
 */
final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int KNOWN_PER_ACCOUNT = 8;
    private static final int MAX_ACCOUNTS = 100_000;

    private final KeyedBuckets perAddress;
    private final KeyedBuckets perAccount;
    private final LimitMeters meters;
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();

    LoginThrottle(int failuresPerAddress, int failuresPerAccount, BucketStore store, LimitMeters meters) {
        this.perAddress = new KeyedBuckets("login-address", failuresPerAddress, failuresPerAddress, WINDOW, store);
        this.perAccount = new KeyedBuckets("login-account", failuresPerAccount, failuresPerAccount, WINDOW, store);
        this.meters = meters;
    }

    /** @throws AuthException 429 when this address or this account has used its failures for now */
    void check(String account, String address) {
        Optional<Duration> wait = perAddress.waitFor(address);
        if (wait.isPresent()) {
            meters.rejected(Limit.LOGIN_PER_ADDRESS);
            throw AuthException.rateLimited("Too many failed logins from your address; try again later", wait.get());
        }
        String key = key(account);
        if (!known(key, address)) {
            wait = perAccount.waitFor(key);
            if (wait.isPresent()) {
                meters.rejected(Limit.LOGIN_PER_ACCOUNT);
                throw AuthException.rateLimited("Too many failed logins for this account; try again later", wait.get());
            }
        }
    }

    void failed(String account, String address) {
        perAddress.tryTake(address);
        String key = key(account);
        if (!known(key, address)) {
            perAccount.tryTake(key);
        }
    }

    void succeeded(String account, String address) {
        String key = key(account);
        perAccount.reset(key);
        if (knownAddresses.size() >= MAX_ACCOUNTS) {
            knownAddresses.clear();
        }
        Set<String> known = knownAddresses.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        if (known.size() >= KNOWN_PER_ACCOUNT) {
            known.clear();
        }
        known.add(address);
    }

    private boolean known(String key, String address) {
        Set<String> known = knownAddresses.get(key);
        return known != null && known.contains(address);
    }

    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }
}
