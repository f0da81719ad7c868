package dev.safestream.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safestream.server.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-26T12:00:00Z"));
    private final TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(30), clock);

    @Test
    void issuedTokensVerifyToTheSamePrincipal() {
        Principal alice = new Principal("alice", Role.MODERATOR);
        assertThat(tokens.verify(tokens.issue(alice))).isEqualTo(alice);
    }

    @Test
    void tokensExpireAfterTheirLifetime() {
        String token = tokens.issue(new Principal("alice", Role.VIEWER));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        AuthException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void tamperedTokensAreRejected() {
        String token = tokens.issue(new Principal("alice", Role.VIEWER));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(AuthException.class);
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new TokenService(new byte[16], Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreHashedWithArgon2id() {
        PasswordHasher hasher = new PasswordHasher(1024, 1);
        String hash = hasher.hash("secret1");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.matches("secret1", hash)).isTrue();
        assertThat(hasher.matches("secret2", hash)).isFalse();
        assertThat(hasher.matches("secret1", "plaintext")).isFalse();
    }

    @Test
    void authorizerChecksRolePermissions() {
        Authorizer authorizer =
                new Authorizer(new ChannelDirectory(new InMemoryChannelRoles(), java.time.Clock.systemUTC()));
        assertThat(authorizer.allows(new Principal("v", Role.VIEWER), Permission.CHAT))
                .isTrue();
        assertThat(authorizer.allows(new Principal("g", Role.GUEST), Permission.CHAT))
                .isFalse();
        assertThatThrownBy(() -> authorizer.require(new Principal("v", Role.VIEWER), Permission.MODERATE))
                .isInstanceOfSatisfying(
                        AuthException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> authorizer.require(null, Permission.WATCH))
                .isInstanceOfSatisfying(
                        AuthException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
