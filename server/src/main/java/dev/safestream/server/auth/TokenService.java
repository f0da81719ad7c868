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
 * Issues and verifies HS256 JWTs. Tokens carry the username as {@code sub} and the role as {@code role}. Only HS256
 * tokens signed with this server's secret verify; {@code alg:none} and other keys are refused by jjwt.
 */
public final class TokenService {
    private static final String ROLE_CLAIM = "role";
    private static final String ISSUER = "safestream";

    private final SecretKey key;
    private final Duration lifetime;
    private final Clock clock;

    public TokenService(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("JWT secret must be at least 32 bytes (256 bits)");
        }
        this.key = Keys.hmacShaKeyFor(secret);
        this.lifetime = lifetime;
        this.clock = clock;
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
            return new Principal(claims.getSubject(), Role.fromWireName(role));
        } catch (JwtException | IllegalArgumentException e) {
            throw new AuthException(AuthException.Reason.INVALID_TOKEN, "Invalid or expired token");
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
