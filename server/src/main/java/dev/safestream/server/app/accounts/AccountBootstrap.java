package dev.safestream.server.app.accounts;

import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.OwnerOnlyFile;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Accounts the server creates itself: the first admin and, with {@code --demo}, demo accounts whose password is their
 * name. The admin password comes from SAFESTREAM_ADMIN_PASSWORD, or is generated once, written to {@link
 * #PASSWORD_FILE} in the data directory (owner-only) and printed to the console. Under systemd (which sets {@code
 * INVOCATION_ID}) the console is the journal, so only the file's path is printed there. It is never logged.
 */
final class AccountBootstrap {
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    static final String MAIN = "main";
    static final String DEMO_STREAMER = "test_streamer";
    static final String DEMO_MODERATOR = "demo_mod";
    static final List<DemoAccount> DEMO = List.of(
            new DemoAccount("demo_user", Role.VIEWER),
            new DemoAccount("chat_viewer", Role.VIEWER),
            new DemoAccount("test_streamer", Role.STREAMER),
            new DemoAccount("demo_mod", Role.MODERATOR));

    record DemoAccount(String username, Role role) {}

    private final UserRepository users;
    private final AccountService accounts;
    private final PrintStream console;
    private final Path dataDir;
    private final boolean consoleIsAJournal;

    AccountBootstrap(
            UserRepository users,
            AccountService accounts,
            PrintStream console,
            Path dataDir,
            boolean consoleIsAJournal) {
        this.users = users;
        this.accounts = accounts;
        this.console = console;
        this.dataDir = dataDir;
        this.consoleIsAJournal = consoleIsAJournal;
    }

    /** Whether this process runs as a systemd service, whose standard output is kept in the journal. */
    static boolean underSystemd(Map<String, String> env) {
        return env.containsKey("INVOCATION_ID");
    }

    void ensureAdmin(String configuredPassword) {
        if (users.anyWithRole(Role.ADMIN)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        if (users.find(ADMIN).isPresent()) {
            users.updateRole(ADMIN, Role.ADMIN);
            console.println("SafeStream: promoted existing account 'admin' to the admin role.");
            return;
        }
        accounts.register(ADMIN, password, null, Role.ADMIN);
        if (generated) {
            Path file = writePasswordFile(password);
            console.println("==============================================================");
            console.println(" SafeStream created the admin account.");
            console.println("   username: " + ADMIN);
            if (!consoleIsAJournal) {
                console.println("   password: " + password);
            }
            console.println(" The password is in " + file + " (readable by this user only);");
            console.println(" delete that file once you have logged in and changed it.");
            console.println(" Set SAFESTREAM_ADMIN_PASSWORD to choose it instead.");
            console.println("==============================================================");
        }
    }

    private Path writePasswordFile(String password) {
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            Files.deleteIfExists(file);
            OwnerOnlyFile.create(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file, e);
        }
    }

    /** {@code main} always exists; on a new server it belongs to the first admin until handed to a streamer. */
    void ensureMainChannel(ChannelDirectory channels) {
        channels.ensure(MAIN, ADMIN);
    }

    /** The demo accounts; {@code test_streamer} owns {@code main} and {@code demo_mod} moderates it. */
    void ensureDemoAccounts(ChannelDirectory channels) {
        for (DemoAccount demo : DEMO) {
            if (users.find(demo.username()).isEmpty()) {
                accounts.registerDemo(demo.username(), demo.role());
            }
        }
        if (channels.owner(MAIN).filter(o -> o.equals(DEMO_STREAMER)).isEmpty()) {
            channels.setOwner(MAIN, DEMO_STREAMER);
        }
        channels.appoint(MAIN, DEMO_MODERATOR, ADMIN);
    }

    /**
     * Letters and digits without look-alikes (no 0/O, 1/l/I), in four groups of five joined by dots: nothing a shell,
     * a CLI parser ({@code -} first) or a reader can misread, and about 115 bits of entropy.
     */
    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('.');
            }
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
}
