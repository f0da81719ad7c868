package dev.safestream.server.app.accounts;

import dev.safestream.server.app.cluster.ClusterArea;
import dev.safestream.server.app.storage.StorageArea;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.AccountSettings;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.AuditTrail;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.ChannelAdministration;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.JwtSecret;
import dev.safestream.server.auth.PasswordHasher;
import dev.safestream.server.auth.PasswordPolicy;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.auth.UserRepository;
import dev.safestream.server.auth.UsernamePolicy;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.persistence.JdbcChannelRoleRepository;
import dev.safestream.server.persistence.JdbcUserRepository;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * Accounts, tokens, channel roles: built at start, with the first admin, the {@code main} channel and (with --demo)
 * the demo accounts ensured. Nothing to stop.
 */
public final class AccountsArea {
    private final UserRepository users;
    private final ChannelDirectory channelDirectory;
    private final Authorizer authorizer;
    private final AccountStates accountStates;
    private final TokenService tokens;
    private final AccountService accounts;
    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();
    private final UsernamePolicy usernamePolicy;
    private final Clock clock;

    public AccountsArea(
            AccountSettings settings,
            StorageArea storage,
            ClusterArea cluster,
            LimitMeters limitMeters,
            PrintStream console,
            boolean demo,
            Clock clock) {
        this.clock = clock;
        users = new JdbcUserRepository(storage.database());
        channelDirectory = new ChannelDirectory(new JdbcChannelRoleRepository(storage.database()), clock);
        authorizer = new Authorizer(channelDirectory);
        accountStates = new AccountStates(users, clock);
        tokens = new TokenService(
                JwtSecret.resolve(settings.jwtSecret(), storage.dataDir()),
                settings.jwtLifetime(),
                clock,
                accountStates);
        usernamePolicy = new UsernamePolicy(settings.maxUsernameLength());
        accounts = new AccountService(
                users,
                hasher,
                tokens,
                usernamePolicy,
                passwordPolicy,
                accountStates,
                settings.limits(cluster.limits()),
                limitMeters,
                settings.guestLifetime(),
                clock);
        AccountBootstrap bootstrap = new AccountBootstrap(
                users, accounts, console, storage.dataDir(), AccountBootstrap.underSystemd(System.getenv()));
        bootstrap.ensureAdmin(settings.adminPassword());
        bootstrap.ensureMainChannel(channelDirectory);
        if (demo) {
            bootstrap.ensureDemoAccounts(channelDirectory);
        }
    }

    /** The admins' account management, writing to {@code audit}. */
    public AccountAdministration accountAdministration(AuditTrail audit) {
        return new AccountAdministration(
                users,
                hasher,
                passwordPolicy,
                usernamePolicy,
                accountStates,
                channelDirectory,
                authorizer,
                audit,
                clock);
    }

    /** Channel ownership and roles; {@code roleChanged} (channel, username) closes the user's sockets there. */
    public ChannelAdministration channelAdministration(AuditTrail audit, BiConsumer<String, String> roleChanged) {
        return new ChannelAdministration(channelDirectory, users, authorizer, audit, roleChanged);
    }

    public UserRepository users() {
        return users;
    }

    public ChannelDirectory channelDirectory() {
        return channelDirectory;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public AccountStates accountStates() {
        return accountStates;
    }

    public TokenService tokens() {
        return tokens;
    }

    public AccountService accounts() {
        return accounts;
    }
}
