package dev.safestream.server.transport.http;

import dev.safestream.server.auth.AuthException;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.TokenService;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/** Reads the caller from a request's {@code Authorization: Bearer} header. */
final class Caller {
    private static final String PROPERTY = "safestream.principal";

    private Caller() {}

    /** @throws AuthException when there is no valid bearer token */
    static Principal authenticate(ContainerRequestContext request, TokenService tokens) {
        if (request.getProperty(PROPERTY) instanceof Principal cached) {
            return cached;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthException(
                    AuthException.Reason.MISSING_TOKEN, "Not authenticated: send Authorization: Bearer <token>");
        }
        Principal principal = tokens.verify(header.substring(7).strip());
        request.setProperty(PROPERTY, principal);
        return principal;
    }

    /** The principal {@link PermissionFilter} stored; only valid in methods annotated with {@link Requires}. */
    static Principal of(ContainerRequestContext request) {
        if (request.getProperty(PROPERTY) instanceof Principal principal) {
            return principal;
        }
        throw new IllegalStateException("resource method lacks @Requires");
    }
}
