package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.UserProfile;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/users/{username}} (moderators): who an account is, for the console's user card:
 * {@code {"username","role","created_at"}}. Never the e-mail address or the password hash.
 */
@Tag(name = "moderation")
@Path("/api/users/{username}")
@Produces(MediaType.APPLICATION_JSON)
@Requires(value = Permission.MODERATE, scope = Requires.Scope.SOME_CHANNEL)
public final class UserResource {
    private final AccountService accounts;

    UserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "An account's public profile, for the console's user card")
    @GET
    public UserProfile profile(@PathParam("username") String username) {
        UserAccount account = accounts.account(username);
        return new UserProfile(account.username(), account.role().wireName(), account.createdAt());
    }
}
