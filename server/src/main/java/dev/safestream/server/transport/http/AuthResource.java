package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.CurrentUser;
import dev.safestream.protocol.rest.LoginForm;
import dev.safestream.protocol.rest.PasswordChange;
import dev.safestream.protocol.rest.RegisterRequest;
import dev.safestream.protocol.rest.TokenResponse;
import dev.safestream.server.auth.AccountService;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.auth.UserAccount;
import dev.safestream.server.transport.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Provider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** {@code /auth/*}: register, log in (form or multipart), guest tokens, who am I. */
@Tag(name = "auth")
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final AccountService accounts;
    private final TokenService tokens;
    private final ClientAddresses addresses;

    @Context
    private Provider<Request> grizzlyRequest;

    AuthResource(AccountService accounts, TokenService tokens, ClientAddresses addresses) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    /** The client's address after trusted proxies: the key of every per-address budget here. */
    private String clientAddress() {
        return RequestAddress.of(grizzlyRequest.get(), addresses);
    }

    @Operation(summary = "Register an account (viewer role) and get a token")
    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenResponse register(RegisterRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("JSON body with username and password is required");
        }
        return response(accounts.register(body.username(), body.password(), body.email(), clientAddress()));
    }

    @Operation(summary = "Log in with form fields username and password (urlencoded or multipart)")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = "application/x-www-form-urlencoded",
                        schema = @Schema(implementation = LoginForm.class)),
                @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = LoginForm.class))
            })
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TokenResponse login(@FormParam("username") String username, @FormParam("password") String password) {
        return response(accounts.login(username, password, clientAddress()));
    }

    @Operation(summary = "Log in with form fields username and password (urlencoded or multipart)")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = "application/x-www-form-urlencoded",
                        schema = @Schema(implementation = LoginForm.class)),
                @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = LoginForm.class))
            })
    @POST
    @Path("/login")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TokenResponse loginMultipart(
            @FormDataParam("username") String username, @FormDataParam("password") String password) {
        return response(accounts.login(username, password, clientAddress()));
    }

    @Operation(summary = "Get a short-lived guest token (watch only)")
    @POST
    @Path("/guest")
    public TokenResponse guest() {
        return response(accounts.guest(clientAddress()));
    }

    /**
     * Self service: a new password for the caller (also to replace a temporary one). Authenticated but without a
     * permission check: a token issued for a temporary password may do this and nothing else.
     */
    @Operation(
            summary = "Change your password (also replaces a temporary one)",
            description = "Wrong current passwords count against the same budgets as failed logins (429).")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenResponse password(PasswordChange body, @Context ContainerRequestContext request) {
        if (body == null) {
            throw new IllegalArgumentException("JSON body with current_password and new_password is required");
        }
        return response(accounts.changePassword(
                Caller.authenticate(request, tokens), body.currentPassword(), body.newPassword(), clientAddress()));
    }

    @Operation(summary = "Who the token belongs to")
    @GET
    @Path("/me")
    @Requires(Permission.WATCH)
    public CurrentUser me(@Context ContainerRequestContext request) {
        Principal caller = Caller.of(request);
        if (caller.role() == Role.GUEST) {
            return new CurrentUser(caller.username(), null, Role.GUEST.wireName(), null);
        }
        UserAccount account = accounts.me(caller);
        return new CurrentUser(
                account.username(), account.email(), account.role().wireName(), account.createdAt());
    }

    private TokenResponse response(AccountService.IssuedToken issued) {
        long ttl = issued.principal().role() == Role.GUEST
                ? accounts.guestLifetime().toSeconds()
                : tokens.lifetime().toSeconds();
        return new TokenResponse(
                issued.accessToken(),
                "bearer",
                issued.principal().username(),
                issued.principal().role().wireName(),
                ttl,
                issued.principal().passwordChangeRequired() ? Boolean.TRUE : null);
    }
}
