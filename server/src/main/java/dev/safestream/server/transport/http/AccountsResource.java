package dev.safestream.server.transport.http;

import dev.safestream.protocol.rest.Account;
import dev.safestream.protocol.rest.AccountDeleted;
import dev.safestream.protocol.rest.AccountPage;
import dev.safestream.protocol.rest.PasswordResetRequest;
import dev.safestream.protocol.rest.RoleRequest;
import dev.safestream.protocol.rest.TemporaryPassword;
import dev.safestream.server.auth.AccountAdministration;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Site administration of accounts (admins only): {@code GET /api/admin/users?query=&role=&page=&size=},
 * {@code PUT /api/admin/users/{username}/role}, {@code POST /api/admin/users/{username}/password},
 * {@code POST /api/admin/users/{username}/disable|enable}, {@code DELETE /api/admin/users/{username}}.
 */
@Tag(name = "accounts")
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADMINISTER)
public final class AccountsResource {
    private final AccountAdministration accounts;
    private final ChannelDirectory channels;

    AccountsResource(AccountAdministration accounts, ChannelDirectory channels) {
        this.accounts = accounts;
        this.channels = channels;
    }

    @Operation(summary = "List accounts, filtered by name and role, a page at a time")
    @GET
    public AccountPage list(
            @QueryParam("query") String query,
            @QueryParam("role") String role,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context ContainerRequestContext rq) {
        AccountAdministration.Page p = accounts.list(
                Caller.of(rq),
                query,
                role == null || role.isBlank() ? null : Role.assignable(role),
                page == null ? 0 : page,
                size == null ? 50 : size);
        return new AccountPage(p.items().stream().map(this::view).toList(), p.page(), p.size(), p.total());
    }

    @Operation(summary = "One account with its channel roles")
    @GET
    @Path("/{username}")
    public Account one(@PathParam("username") String username, @Context ContainerRequestContext rq) {
        return view(accounts.find(Caller.of(rq), username));
    }

    @Operation(summary = "Set an account's site role")
    @PUT
    @Path("/{username}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public Account role(@PathParam("username") String username, RoleRequest body, @Context ContainerRequestContext rq) {
        if (body == null || body.role() == null) {
            throw new IllegalArgumentException("JSON body with role is required");
        }
        return view(accounts.setRole(Caller.of(rq), username, Role.assignable(body.role())));
    }

    /** Sets a temporary password (the body's, or a generated one) that the user must change at the next login. */
    @Operation(
            summary =
                    "Set a temporary password (the body's, or a generated one) that must be changed at the next login")
    @POST
    @Path("/{username}/password")
    public TemporaryPassword password(
            @PathParam("username") String username, PasswordResetRequest body, @Context ContainerRequestContext rq) {
        String temporary = accounts.resetPassword(Caller.of(rq), username, body == null ? null : body.password());
        return new TemporaryPassword(username, temporary);
    }

    @Operation(summary = "Disable an account: its tokens and sockets end")
    @POST
    @Path("/{username}/disable")
    public Account disable(@PathParam("username") String username, @Context ContainerRequestContext rq) {
        return view(accounts.setDisabled(Caller.of(rq), username, true));
    }

    @Operation(summary = "Enable a disabled account")
    @POST
    @Path("/{username}/enable")
    public Account enable(@PathParam("username") String username, @Context ContainerRequestContext rq) {
        return view(accounts.setDisabled(Caller.of(rq), username, false));
    }

    @Operation(summary = "Delete an account; its records are renamed")
    @DELETE
    @Path("/{username}")
    public AccountDeleted delete(@PathParam("username") String username, @Context ContainerRequestContext rq) {
        return new AccountDeleted(username, accounts.delete(Caller.of(rq), username));
    }

    private Account view(UserAccount a) {
        return new Account(
                a.username(),
                a.email(),
                a.role().wireName(),
                a.disabled(),
                a.mustChangePassword(),
                channels.ownedBy(a.username()),
                channels.moderatedBy(a.username()),
                a.createdAt());
    }
}
