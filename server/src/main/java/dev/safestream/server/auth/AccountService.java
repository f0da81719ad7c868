package dev.safestream.server.auth;

import dev.safestream.server.limits.KeyedBuckets;
import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration, login and guest tokens. Called from HTTP worker threads; safe for concurrent use. */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final UsernamePolicy usernames;
    private final PasswordPolicy passwords;
    private final AccountStates states;
    private final KeyedBuckets guestTokens;
    private final KeyedBuckets registrations;
    private final LoginThrottle logins;
    private final LimitMeters limitMeters;
    private final Duration guestLifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Hash checked when the user does not exist, so timing does not reveal which usernames exist. */
    private final String decoyHash;

    public AccountService(
            UserRepository users,
            PasswordHasher hasher,
            TokenService tokens,
            UsernamePolicy usernames,
            PasswordPolicy passwords,
            AccountStates states,
            AuthLimits limits,
            LimitMeters limitMeters,
            Duration guestLifetime,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.usernames = usernames;
        this.passwords = passwords;
        this.states = states;
        this.guestTokens = new KeyedBuckets(
                "guest-tokens",
                limits.guestTokensPerMinute(),
                limits.guestTokensPerMinute(),
                Duration.ofMinutes(1),
                limits.store());
        this.registrations = new KeyedBuckets(
                "registrations",
                limits.registrationsPerHour(),
                limits.registrationsPerHour(),
                Duration.ofHours(1),
                limits.store());
        this.logins = new LoginThrottle(
                limits.loginFailuresPerAddress(), limits.loginFailuresPerAccount(), limits.store(), limitMeters);
        this.limitMeters = limitMeters;
        this.guestLifetime = guestLifetime;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password");
    }

    /** A token and who it is for. */
    public record IssuedToken(String accessToken, Principal principal) {}

    /** Self-registration from a client address, within that address's budget. */
    public IssuedToken register(String username, String password, String email, String clientAddress) {
        validate(username, password, email);
        // an address out of budget learns nothing, not even which names are taken (L4)
        refuseRegistrationAfter(registrations.waitFor(clientAddress));
        if (users.find(username).isPresent()) {
            throw taken(username); // a taken name costs no budget: clients (the simulator) log in after a 409
        }
        refuseRegistrationAfter(registrations.tryTake(clientAddress));
        return register(username, password, email, Role.VIEWER);
    }

    private void refuseRegistrationAfter(Optional<Duration> wait) {
        wait.ifPresent(w -> {
            limitMeters.rejected(Limit.REGISTRATIONS_PER_ADDRESS);
            throw AuthException.rateLimited("Too many registrations from your address; try again later", w);
        });
    }

    /** An account created by the server itself (first admin, demo accounts): no address budget. */
    public IssuedToken register(String username, String password, String email, Role role) {
        String normalizedEmail = validate(username, password, email);
        if (users.find(username).isPresent()) {
            throw taken(username);
        }
        UserAccount account = new UserAccount(username, normalizedEmail, hasher.hash(password), role, clock.instant());
        if (!users.insert(account)) {
            throw taken(username);
        }
        Principal principal = new Principal(username, role);
        return new IssuedToken(tokens.issue(principal), principal);
    }

    /**
     * A {@code --demo} account whose password is its name, which the password policy would refuse: demo servers are
     * for trying the product out, and their README lists these passwords.
     */
    public void registerDemo(String username, Role role) {
        UserAccount account = new UserAccount(username, null, hasher.hash(username), role, clock.instant());
        if (!users.insert(account)) {
            throw taken(username);
        }
    }

    /** @return the normalised e-mail address (null when none) */
    private String validate(String username, String password, String email) {
        AuthException.requireValid(usernames.problem(username));
        AuthException.requireValid(passwords.problem(username, password));
        String normalizedEmail = email == null || email.isBlank() ? null : email.strip();
        if (normalizedEmail != null
                && (normalizedEmail.length() > 254
                        || !EMAIL.matcher(normalizedEmail).matches())) {
            throw invalid("email is not a valid address");
        }
        return normalizedEmail;
    }

    /** Checks a password, within the failed-login budgets of the client address and the account. */
    public IssuedToken login(String username, String password, String clientAddress) {
        if (username == null || password == null) {
            throw new AuthException(AuthException.Reason.BAD_CREDENTIALS, "Incorrect username or password");
        }
        logins.check(username, clientAddress);
        var account = users.find(username);
        boolean ok =
                hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        if (account.isPresent() && account.get().disabled()) {
            // the same answer with a right or a wrong password: otherwise it would tell which one was right (L3)
            throw new AuthException(AuthException.Reason.FORBIDDEN, "This account is disabled");
        }
        if (account.isEmpty() || !ok) {
            logins.failed(username, clientAddress);
            throw new AuthException(AuthException.Reason.BAD_CREDENTIALS, "Incorrect username or password");
        }
        logins.succeeded(username, clientAddress);
        UserAccount a = account.get();
        Principal principal = new Principal(a.username(), a.role(), a.tokenVersion(), a.mustChangePassword());
        return new IssuedToken(tokens.issue(principal), principal);
    }

    /**
     * Self service: replaces the caller's password (also a temporary one an admin set) after checking the current
     * one. Every earlier token of the account stops working; the returned one replaces them.
     */
    public IssuedToken changePassword(
            Principal caller, String currentPassword, String newPassword, String clientAddress) {
        if (caller == null || caller.role() == Role.GUEST) {
            throw new AuthException(AuthException.Reason.FORBIDDEN, "Guests have no password");
        }
        UserAccount account = me(caller);
        // guessing the current password with a stolen token costs the same budgets as guessing it at the login (M1)
        logins.check(account.username(), clientAddress);
        if (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash())) {
            logins.failed(account.username(), clientAddress);
            throw invalid("current_password is not your password");
        }
        AuthException.requireValid(passwords.problem(account.username(), newPassword));
        if (newPassword.equals(currentPassword)) {
            throw invalid("new_password must differ from current_password");
        }
        users.updatePassword(account.username(), hasher.hash(newPassword), false);
        states.changed(account.username());
        UserAccount updated = me(caller);
        Principal principal = new Principal(updated.username(), updated.role(), updated.tokenVersion(), false);
        return new IssuedToken(tokens.issue(principal), principal);
    }

    /** A watch-only token for a generated guest name; rate-limited per client address. */
    public IssuedToken guest(String clientAddress) {
        guestTokens.tryTake(clientAddress).ifPresent(wait -> {
            limitMeters.rejected(Limit.GUEST_TOKENS_PER_ADDRESS);
            throw AuthException.rateLimited("Too many guest tokens; try again later", wait);
        });
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        Principal principal = new Principal("guest-" + HexFormat.of().formatHex(suffix), Role.GUEST);
        return new IssuedToken(tokens.issue(principal, guestLifetime), principal);
    }

    public Duration guestLifetime() {
        return guestLifetime;
    }

    public UserAccount me(Principal principal) {
        return users.find(principal.username())
                .orElseThrow(() -> new AuthException(AuthException.Reason.INVALID_TOKEN, "Unknown user"));
    }

    /** Another user's account, for moderators' user cards; {@link java.util.NoSuchElementException} when unknown. */
    public UserAccount account(String username) {
        return users.find(username)
                .orElseThrow(() -> new java.util.NoSuchElementException("Unknown user '" + username + "'"));
    }

    private static AuthException invalid(String detail) {
        return new AuthException(AuthException.Reason.INVALID_INPUT, detail);
    }

    private static AuthException taken(String username) {
        return new AuthException(AuthException.Reason.USERNAME_TAKEN, "Username '" + username + "' is already taken");
    }
}
