package dev.safestream.server.app;

import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserRepository;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Accounts the server creates itself: the first admin (password from SAFESTREAM_ADMIN_PASSWORD, or generated and
 * printed once to the console, never logged) and, with {@code --demo}, demo accounts whose password is their name.
 */
final class AccountBootstrap {
    static final String ADMIN = "admin";
    static final List<DemoAccount> DEMO = List.of(
            new DemoAccount("demo_user", Role.VIEWER),
            new DemoAccount("chat_viewer", Role.VIEWER),
            new DemoAccount("test_streamer", Role.STREAMER),
            new DemoAccount("demo_mod", Role.MODERATOR));

    record DemoAccount(String username, Role role) {}

    private final UserRepository users;
    private final AccountService accounts;
    private final PrintStream console;

    AccountBootstrap(UserRepository users, AccountService accounts, PrintStream console) {
        this.users = users;
        this.accounts = accounts;
        this.console = console;
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
            console.println("==============================================================");
            console.println(" SafeStream created the admin account.");
            console.println("   username: " + ADMIN);
            console.println("   password: " + password);
            console.println(" This is shown once. Set SAFESTREAM_ADMIN_PASSWORD to choose it.");
            console.println("==============================================================");
        }
    }

    void ensureDemoAccounts() {
        for (DemoAccount demo : DEMO) {
            if (users.find(demo.username()).isEmpty()) {
                accounts.register(demo.username(), demo.username(), null, demo.role());
            }
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
