package dev.safestream.server.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountBootstrapTest {
    @Test
    void generatedAdminPasswordsAreSafeToTypeAndPassToAnyTool() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String password = AccountBootstrap.generatePassword();
            assertThat(password)
                    .matches("[a-km-zA-HJ-NP-Z2-9]{5}(\\.[a-km-zA-HJ-NP-Z2-9]{5}){3}")
                    .doesNotStartWith("-");
            seen.add(password);
        }
        assertThat(seen).hasSize(2_000);
    }
}
