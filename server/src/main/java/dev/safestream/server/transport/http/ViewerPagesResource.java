package dev.safestream.server.transport.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /}: the viewer page (a minimal one until the browser viewer module replaces it). */
@Path("/")
public final class IndexResource {
    private final String page;

    IndexResource() {
        try (InputStream in = IndexResource.class.getResourceAsStream("/web/index.html")) {
            page = in == null
                    ? "<!doctype html><title>SafeStream</title>"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String index() {
        return page;
    }
}
