package dev.safestream.server.transport.http;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3.1 document ({@link ApiDocument}), built on the first request (reading
 * the resources takes a moment that server starts need not pay). Public, and not itself part of the document.
 */
@Path("/openapi.json")
@Hidden
public final class OpenApiResource {
    private final Supplier<String> document;

    OpenApiResource(List<Class<?>> resources, String version) {
        this.document = memoized(() -> ApiDocument.json(resources, version));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
    public Response openApi() {
        return Response.ok(document.get()).cacheControl(revalidate()).build();
    }

    private static CacheControl revalidate() {
        CacheControl control = new CacheControl();
        control.setNoCache(true);
        return control;
    }

    private static Supplier<String> memoized(Supplier<String> build) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = build.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
