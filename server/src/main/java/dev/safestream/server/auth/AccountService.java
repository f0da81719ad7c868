package dev.safestream.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Registration, login and guest tokens. Called from HTTP worker threads; safe for concurrent use. */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 6;
    private static final int MAX_PASSWORD = 256;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final UsernamePolicy usernames;
    private final GuestLimiter guestLimiter;
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
            GuestLimiter guestLimiter,
            Duration guestLifetime,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.usernames = usernames;
        this.guestLimiter = guestLimiter;
        this.guestLifetime = guestLifetime;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password");
    }

    /** A token and who it is for. */
    public record IssuedToken(String accessToken, Principal principal) {}

    public IssuedToken register(String username, String password, String email) {
        return register(username, password, email, Role.VIEWER);
    }

    public IssuedToken register(String username, String password, String email, Role role) {
        String problem = usernames.problem(username);
        if (problem != null) {
            throw invalid(problem);
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw invalid("password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw invalid("password must be at most " + MAX_PASSWORD + " characters");
        }
        String normalizedEmail = email == null || email.isBlank() ? null : email.strip();
        if (normalizedEmail != null
                && (normalizedEmail.length() > 254
                        || !EMAIL.matcher(normalizedEmail).matches())) {
            throw invalid("email is not a valid address");
        }
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

    public IssuedToken login(String username, String password) {
        if (username == null || password == null) {
            throw new AuthException(AuthException.Reason.BAD_CREDENTIALS, "Incorrect username or password");
        }
        var account = users.find(username);
        boolean ok =
                hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !ok) {
            throw new AuthException(AuthException.Reason.BAD_CREDENTIALS, "Incorrect username or password");
        }
        Principal principal =
                new Principal(account.get().username(), account.get().role());
        return new IssuedToken(tokens.issue(principal), principal);
    }

    /** A watch-only token for a generated guest name; rate-limited per client address. */
    public IssuedToken guest(String clientAddress) {
        if (!guestLimiter.tryAcquire(clientAddress)) {
            throw new AuthException(AuthException.Reason.RATE_LIMITED, "Too many guest tokens; try again later");
        }
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
