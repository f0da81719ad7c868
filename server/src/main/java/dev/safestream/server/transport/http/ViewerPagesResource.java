package dev.safestream.server.transport.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The browser viewer's pages, from the {@code viewer-web} module's {@code web/} resources: {@code GET /login},
 * {@code GET /app} (visitors without an account watch as guests), {@code GET /} which redirects to {@code /app}, and
 * {@code GET /favicon.ico}. Scripts and styles are static files under {@code /static} (see {@link HttpApi}).
 */
@Tag(name = "viewer pages")
@Path("/")
public final class ViewerPagesResource {
    private final String login = page("login.html");
    private final String app = page("app.html");
    private final String favicon = page("img/favicon.svg");

    @Operation(summary = "Redirect to the viewer page")
    @ApiResponse(responseCode = "303", description = "See /app")
    @GET
    public Response index() {
        return Response.seeOther(URI.create("/app")).build();
    }

    @Operation(summary = "The viewer's login page (HTML)")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response login() {
        return Response.ok(login).cacheControl(revalidate()).build();
    }

    @Operation(summary = "The viewer's live stream page (HTML)")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @GET
    @Path("app")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response app() {
        return Response.ok(app).cacheControl(revalidate()).build();
    }

    /** Browsers and feed readers ask for it whether or not a page names its icon; the SVG serves both. */
    @Operation(summary = "The site icon (SVG)")
    @ApiResponse(responseCode = "200", description = "The icon", content = @Content(mediaType = "image/svg+xml"))
    @GET
    @Path("favicon.ico")
    @Produces("image/svg+xml")
    public Response favicon() {
        CacheControl day = new CacheControl();
        day.setMaxAge(86_400);
        return Response.ok(favicon).cacheControl(day).build();
    }

    /** Pages are tiny and name the scripts to load: always ask the server, so an upgrade is seen at once. */
    private static CacheControl revalidate() {
        CacheControl control = new CacheControl();
        control.setNoCache(true);
        return control;
    }

    private static String page(String name) {
        try (InputStream in = ViewerPagesResource.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "viewer page web/" + name + " is missing: is viewer-web on the class path?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
