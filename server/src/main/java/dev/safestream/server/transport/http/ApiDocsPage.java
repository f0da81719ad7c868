package dev.safestream.server.transport.http;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /docs}: Swagger UI on {@code /openapi.json}. The page names its scripts and styles, which are static
 * files under {@code /docs-ui} (Swagger UI's webjar and our initializer; see {@link HttpApi}).
 */
@Path("/docs")
@Hidden
public final class ApiDocsPage {
    /** Where {@link HttpApi} serves Swagger UI's files and the page's initializer. */
    static final String ASSETS = "/docs-ui";

    private final String page = page();

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response docs() {
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        return Response.ok(page).cacheControl(revalidate).build();
    }

    /** The class path folder of the swagger-ui webjar's files (versioned), read from the jar's Maven metadata. */
    static String swaggerUiFolder(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the class path");
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream("/api-docs/docs.html")) {
            if (in == null) {
                throw new IllegalStateException("api-docs/docs.html is missing from the server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
