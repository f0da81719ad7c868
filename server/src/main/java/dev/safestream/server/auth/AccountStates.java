package dev.safestream.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Whether a token's account still stands as the token says, asked on every verification: read from the
 * {@link UserRepository} once per account, then from memory for {@link #FRESH_FOR}, or until {@link #changed} reads it again (every change of role, password or
 * disabled state goes through {@link AccountAdministration} or {@link AccountService}, which call it). Guests have no
 * account and are always current.
 */
public final class AccountStates implements TokenService.CurrentAccounts {
    /** How long a read stays good: changes made elsewhere (the {@code users} CLI) are seen within this. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record State(Optional<Account> account, Instant readAt) {}

    private record Account(Role role, int version, boolean disabled) {}

    private final UserRepository users;
    private final Clock clock;
    private final Map<String, State> known = new ConcurrentHashMap<>();
    private volatile Consumer<String> onChange = username -> {};
    private volatile SharedChanges shared = SharedChanges.NONE;

    public AccountStates(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public boolean current(Principal principal) {
        if (principal.role() == Role.GUEST) {
            return true;
        }
        String key = principal.username().toLowerCase(Locale.ROOT);
        // read under the key's lock, so a change (below) cannot be overwritten by a read that started before it
        State state = known.compute(
                key,
                (k, old) -> old == null || old.readAt().plus(FRESH_FOR).isBefore(clock.instant())
                        ? read(principal.username())
                        : old);
        return state.account()
                .filter(s -> !s.disabled() && s.version() == principal.version() && s.role() == principal.role())
                .isPresent();
    }

    /** The account changed in the store: the next verification reads it again. */
    public void changed(String username) {
        changedElsewhere(username);
        shared.changed(SharedChanges.Kind.ACCOUNT, username);
    }

    /** Another node changed the account: read it again and close its connections here; nothing to tell further. */
    public void changedElsewhere(String username) {
        known.compute(username.toLowerCase(Locale.ROOT), (k, old) -> read(username));
        onChange.accept(username);
    }

    /** Cluster mode: account changes made here are told to the other nodes. */
    public void shareWith(SharedChanges changes) {
        this.shared = changes;
    }

    /**
     * What happens to the user's open connections when the account changed: the server closes them with {@link
     * dev.safestream.protocol.CloseCode#ACCOUNT_CHANGED}, and the client logs in again.
     */
    public void onChange(Consumer<String> action) {
        this.onChange = action;
    }

    private State read(String username) {
        return new State(
                users.find(username).map(a -> new Account(a.role(), a.tokenVersion(), a.disabled())), clock.instant());
    }
}
