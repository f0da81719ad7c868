package dev.safestream.server.app;

import dev.safestream.server.app.storage.StorageOptions;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.AuditTrail;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.PasswordHasher;
import dev.safestream.server.auth.PasswordPolicy;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserAccount;
import dev.safestream.server.auth.UsernamePolicy;
import dev.safestream.server.moderation.workflow.AuditEntry;
import dev.safestream.server.persistence.Database;
import dev.safestream.server.persistence.JdbcAuditRepository;
import dev.safestream.server.persistence.JdbcChannelRoleRepository;
import dev.safestream.server.persistence.JdbcUserRepository;
import dev.safestream.server.persistence.StorageSettings;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users list|add|set-role|reset-password|disable|enable}: account administration on a headless server, straight
 * on the database (the data directory's H2 file or DATABASE_URL). Passwords come from a prompt, or from the first
 * line of standard input with {@code --password-stdin}, never from an argument. Changes are audited with the actor
 * {@code cli:<user>}; a running server sees them at its next token check of that account (within seconds).
 */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Administer accounts on the database directly (the server may be running when it uses"
                + " PostgreSQL; stop it first with the embedded H2 database).",
        subcommands = {
            UsersCommand.ListUsers.class,
            UsersCommand.AddUser.class,
            UsersCommand.SetRole.class,
            UsersCommand.ResetPassword.class,
            UsersCommand.Disable.class,
            UsersCommand.Enable.class
        })
final class UsersCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the accounts are: the same settings as {@code serve}. */
    static final class Store {
        @Mixin
        StorageOptions storage = new StorageOptions();

        /** Opens the database and runs {@code work} with the administration service over it. */
        <T> T with(Function<AccountAdministration, T> work) {
            storage.readSecrets(System.getenv());
            StorageSettings settings = storage.settings();
            try (Database database =
                    Database.open(settings.jdbcUrl(), settings.databaseUser(), settings.databasePassword())) {
                Clock clock = Clock.systemUTC();
                var users = new JdbcUserRepository(database);
                var channels = new ChannelDirectory(new JdbcChannelRoleRepository(database), clock);
                var audit = new JdbcAuditRepository(database);
                AuditTrail trail = (channel, actor, action, target, detail) ->
                        audit.record(new AuditEntry(channel, actor, action, target, detail, null, clock.instant()));
                return work.apply(new AccountAdministration(
                        users,
                        new PasswordHasher(),
                        new PasswordPolicy(),
                        new UsernamePolicy(UsernamePolicy.DEFAULT_MAX_LENGTH),
                        new AccountStates(users, clock),
                        channels,
                        new Authorizer(channels),
                        trail,
                        clock));
            }
        }
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** A password from the first line of standard input ({@code --password-stdin}) or the terminal (asked twice). */
    static String readPassword(String prompt, boolean fromStdin) {
        Console console = System.console();
        if (!fromStdin) {
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask for the password: use --password-stdin");
            }
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the passwords do not match");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(UserAccount a) {
        return String.format(
                "%-32s %-10s %s%s",
                a.username(),
                a.role().wireName(),
                a.disabled() ? "disabled" : "active",
                a.mustChangePassword() ? ", must change password" : "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Store store;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--query", description = "Only names containing this.")
        String query;

        @Option(names = "--role", description = "Only this role.")
        String role;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            store.with(admin -> {
                var page = admin.list(query, role == null ? null : Role.assignable(role), 0, 200);
                page.items().forEach(a -> out.println(line(a)));
                out.printf("%d of %d accounts%n", page.items().size(), page.total());
                return null;
            });
            out.flush();
            return 0;
        }
    }

    /** A subcommand that changes one account: the account's name first, then what {@link #apply} does to it. */
    abstract static class OnOneAccount implements Callable<Integer> {
        @Mixin
        Store store;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "Username.")
        String username;

        /** Changes the account; returns the line to print. */
        abstract String apply(AccountAdministration admin);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(store.with(this::apply));
            out.flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account (password prompted).")
    static final class AddUser extends OnOneAccount {
        @Option(names = "--role", defaultValue = "viewer", description = "Site role (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        String apply(AccountAdministration admin) {
            Role r = Role.assignable(role);
            return line(admin.add(actor(), username, readPassword("Password for " + username, passwordStdin), r));
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Change an account's site role.")
    static final class SetRole extends OnOneAccount {
        @Parameters(index = "1", description = "viewer, streamer, moderator or admin.")
        String role;

        @Override
        String apply(AccountAdministration admin) {
            return line(admin.setRole(actor(), username, Role.assignable(role)));
        }
    }

    @Command(
            name = "reset-password",
            mixinStandardHelpOptions = true,
            description = "Set a temporary password (prompted) that the user must change at the next login.")
    static final class ResetPassword extends OnOneAccount {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        String apply(AccountAdministration admin) {
            admin.resetPassword(actor(), username, readPassword("Temporary password for " + username, passwordStdin));
            return username + " must change the password at the next login";
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account.")
    static final class Disable extends OnOneAccount {
        @Override
        String apply(AccountAdministration admin) {
            return line(admin.setDisabled(actor(), username, true));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable extends OnOneAccount {
        @Override
        String apply(AccountAdministration admin) {
            return line(admin.setDisabled(actor(), username, false));
        }
    }
}
