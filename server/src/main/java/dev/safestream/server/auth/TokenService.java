package dev.safestream.server.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * Issues and verifies HS256 JWTs. Tokens carry the username as {@code sub}, the role as {@code role}, the account's
 * token version as {@code ver} and, for a temporary password, {@code pwc}. Only HS256
 * tokens signed with this server's secret verify; {@code alg:none} and other keys are refused by jjwt.
 */
public final class TokenService {
    private static final String ROLE_CLAIM = "role";
    private static final String VERSION_CLAIM = "ver";
    private static final String PASSWORD_CHANGE_CLAIM = "pwc";
    private static final String ISSUER = "safestream";

    private final SecretKey key;
    private final Duration lifetime;
    private final Clock clock;
    private final CurrentAccounts accounts;

    /**
     * Whether a verified token's account still stands as the token says: not deleted or disabled, and no role or
     * password change since it was issued (its version is the account's).
     */
    @FunctionalInterface
    public interface CurrentAccounts {
        boolean current(Principal principal);
    }

    /** Tokens that verify stay valid until they expire (tests, tools without accounts). */
    public TokenService(byte[] secret, Duration lifetime, Clock clock) {
        this(secret, lifetime, clock, p -> true);
    }

    public TokenService(byte[] secret, Duration lifetime, Clock clock, CurrentAccounts accounts) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("JWT secret must be at least 32 bytes (256 bits)");
        }
        this.key = Keys.hmacShaKeyFor(secret);
        this.lifetime = lifetime;
        this.clock = clock;
        this.accounts = accounts;
    }

    /**
     * Whether a principal verified earlier still stands (its account not disabled, deleted or changed since): for a
     * second look once a connection is registered, since a change made between the first look and the registration
     * closed the account's connections without it.
     */
    public boolean stillCurrent(Principal principal) {
        return accounts.current(principal);
    }

    public String issue(Principal principal) {
        return issue(principal, lifetime);
    }

    public String issue(Principal principal, Duration ttl) {
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(principal.username())
                .claim(ROLE_CLAIM, principal.role().wireName())
                .claim(VERSION_CLAIM, principal.version())
                .claim(PASSWORD_CHANGE_CLAIM, principal.passwordChangeRequired() ? Boolean.TRUE : null)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** @throws AuthException {@code INVALID_TOKEN} for anything but a valid, unexpired token of ours */
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthException(AuthException.Reason.MISSING_TOKEN, "Missing token");
        }
        try {
            Claims claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(ISSUER)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            String role = claims.get(ROLE_CLAIM, String.class);
            if (claims.getSubject() == null || role == null) {
                throw new AuthException(AuthException.Reason.INVALID_TOKEN, "Token lacks subject or role");
            }
            Integer version = claims.get(VERSION_CLAIM, Integer.class);
            Principal principal = new Principal(
                    claims.getSubject(),
                    Role.fromWireName(role),
                    version == null ? 0 : version,
                    Boolean.TRUE.equals(claims.get(PASSWORD_CHANGE_CLAIM, Boolean.class)));
            if (!accounts.current(principal)) {
                throw new AuthException(
                        AuthException.Reason.INVALID_TOKEN,
                        "This token is no longer valid (the account changed or was disabled): log in again");
            }
            return principal;
        } catch (JwtException | IllegalArgumentException e) {
            throw new AuthException(AuthException.Reason.INVALID_TOKEN, "Invalid or expired token");
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
