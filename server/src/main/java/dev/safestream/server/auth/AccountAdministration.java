package dev.safestream.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Site administration of accounts: list, create, change a role, reset a password, disable, enable, delete. The REST
 * API calls the {@link Principal} methods (admins only, checked by the {@link Authorizer}); the {@code users} CLI,
 * run by whoever owns the data directory, calls the same changes in a named actor's name. Every change is audited and
 * takes effect at once: the account's token version is bumped and its open connections closed ({@link
 * AccountStates#changed}).
 */
public final class AccountAdministration {
    /** One page of accounts, in name order. */
    public record Page(List<UserAccount> items, int page, int size, int total) {}

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final UsernamePolicy usernames;
    private final AccountStates states;
    private final ChannelDirectory channels;
    private final Authorizer authorizer;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountAdministration(
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy passwords,
            UsernamePolicy usernames,
            AccountStates states,
            ChannelDirectory channels,
            Authorizer authorizer,
            AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwords = passwords;
        this.usernames = usernames;
        this.states = states;
        this.channels = channels;
        this.authorizer = authorizer;
        this.audit = audit;
        this.clock = clock;
    }

    public Page list(Principal admin, String query, Role role, int page, int size) {
        authorizer.require(admin, Permission.ADMINISTER);
        return list(query, role, page, size);
    }

    /** Pages beyond this are refused (400): an absurd page number overflowed the row offset (issue 23, L6). */
    static final int MAX_PAGE = 100_000;

    public Page list(String query, Role role, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
        }
        int p = page;
        int n = Math.clamp(size, 1, 200);
        return new Page(users.search(query, role, p * n, n), p, n, users.count(query, role));
    }

    public UserAccount find(Principal admin, String username) {
        authorizer.require(admin, Permission.ADMINISTER);
        return require(username);
    }

    /** Creates an account (the CLI's {@code users add}). */
    public UserAccount add(String actor, String username, String password, Role role) {
        AuthException.requireValid(usernames.problem(username));
        AuthException.requireValid(passwords.problem(username, password));
        if (!users.insert(new UserAccount(username, null, hasher.hash(password), role, clock.instant()))) {
            throw new AuthException(AuthException.Reason.USERNAME_TAKEN, "Username '" + username + "' is taken");
        }
        audit.record(AuditTrail.SITE, actor, "add_user", username, "role=" + role.wireName());
        return require(username);
    }

    public UserAccount setRole(Principal admin, String username, Role role) {
        authorizer.require(admin, Permission.ADMINISTER);
        notOneself(admin, username, "change your own role");
        return setRole(admin.username(), username, role);
    }

    public UserAccount setRole(String actor, String username, Role role) {
        if (role == null || role == Role.GUEST) {
            throw invalid("role must be one of viewer, streamer, moderator, admin");
        }
        UserAccount account;
        synchronized (adminChanges) {
            account = require(username);
            if (account.role() == Role.ADMIN && role != Role.ADMIN) {
                keepOneAdmin(account);
            }
            users.updateRole(account.username(), role);
        }
        audit.record(
                AuditTrail.SITE,
                actor,
                "set_role",
                account.username(),
                account.role().wireName() + " -> " + role.wireName());
        states.changed(account.username());
        return require(username);
    }

    /**
     * Sets a temporary password: the next login with it may only change it ({@code POST /auth/password}).
     *
     * @param temporary the password to set; null generates one
     * @return the temporary password, to hand to the user (it is not stored or logged anywhere)
     */
    public String resetPassword(Principal admin, String username, String temporary) {
        authorizer.require(admin, Permission.ADMINISTER);
        // a stolen admin token must not be enough to take the account over: one's own password needs the current one
        notOneself(admin, username, "reset your own password; change it with POST /auth/password");
        return resetPassword(admin.username(), username, temporary);
    }

    public String resetPassword(String actor, String username, String temporary) {
        UserAccount account = require(username);
        String password = temporary == null || temporary.isBlank() ? generate() : temporary;
        AuthException.requireValid(passwords.problem(account.username(), password));
        users.updatePassword(account.username(), hasher.hash(password), true);
        audit.record(AuditTrail.SITE, actor, "reset_password", account.username(), null);
        states.changed(account.username());
        return password;
    }

    public UserAccount setDisabled(Principal admin, String username, boolean disabled) {
        authorizer.require(admin, Permission.ADMINISTER);
        notOneself(admin, username, disabled ? "disable your own account" : "enable your own account");
        return setDisabled(admin.username(), username, disabled);
    }

    public UserAccount setDisabled(String actor, String username, boolean disabled) {
        UserAccount account;
        synchronized (adminChanges) {
            account = require(username);
            if (disabled && account.role() == Role.ADMIN) {
                keepOneAdmin(account);
            }
            users.setDisabled(account.username(), disabled);
        }
        audit.record(AuditTrail.SITE, actor, disabled ? "disable_user" : "enable_user", account.username(), null);
        states.changed(account.username());
        return require(username);
    }

    /**
     * Deletes the account. What it wrote stays for the audit trail under a replacement name ({@code deleted-<hex>},
     * the same for all of it); its sanctions and channel roles go, channels it owned pass to the admins.
     *
     * @return the replacement name
     */
    public String delete(Principal admin, String username) {
        authorizer.require(admin, Permission.ADMINISTER);
        notOneself(admin, username, "delete your own account");
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String replacement = "deleted-" + HexFormat.of().formatHex(suffix);
        UserAccount account;
        synchronized (adminChanges) {
            account = require(username);
            if (account.role() == Role.ADMIN) {
                keepOneAdmin(account);
            }
            users.delete(account.username(), replacement);
        }
        channels.forget(account.username());
        audit.record(
                AuditTrail.SITE,
                admin.username(),
                "delete_user",
                replacement,
                "account deleted; its records were renamed");
        states.changed(account.username());
        return replacement;
    }

    private UserAccount require(String username) {
        return users.find(username).orElseThrow(() -> new NoSuchElementException("Unknown user '" + username + "'"));
    }

    /**
     * Held while "is another active admin left?" is checked and the change made, so that two admins demoting,
     * disabling or deleting each other at the same moment cannot both pass the check (issue 23, M2). One node's lock:
     * nodes of a cluster could still race, which takes two admins on two nodes within milliseconds.
     */
    private final Object adminChanges = new Object();

    private void keepOneAdmin(UserAccount admin) {
        long others = users.search("", Role.ADMIN, 0, 1000).stream()
                .filter(a -> !a.disabled() && !a.username().equalsIgnoreCase(admin.username()))
                .count();
        if (others == 0) {
            throw new AuthException(
                    AuthException.Reason.FORBIDDEN,
                    admin.username() + " is the last active admin; make someone else an admin first");
        }
    }

    private static void notOneself(Principal admin, String username, String what) {
        if (admin.username().equalsIgnoreCase(username)) {
            throw new AuthException(AuthException.Reason.FORBIDDEN, "You cannot " + what);
        }
    }

    private String generate() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static AuthException invalid(String detail) {
        return new AuthException(AuthException.Reason.INVALID_INPUT, detail);
    }
}
