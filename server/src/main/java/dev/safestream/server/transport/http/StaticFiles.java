package dev.safestream.server.transport.http;

import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The viewer's scripts and styles from the class path's {@code web/} folder. A path that could name something else
 * (a {@code ..} segment, a backslash, an encoded slash or a control character, NUL included) is answered 404 before
 * the class loader sees it; Grizzly's own handler answered some of them with an empty 500.
 */
final class StaticFiles extends CLStaticHttpHandler {
    StaticFiles(ClassLoader classLoader, String... docRoots) {
        super(classLoader, docRoots);
    }

    @Override
    protected boolean handle(String resourcePath, Request request, Response response) throws Exception {
        if (!safe(resourcePath) || !safe(request.getRequestURI())) {
            return false; // answered 404
        }
        if (resourcePath.endsWith("/") || resourcePath.endsWith("/index.html")) {
            return false; // no folder listings or stock pages (Swagger UI's petstore index.html): 404
        }
        try {
            return super.handle(resourcePath, request, response);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }

    static boolean safe(String path) {
        if (path == null) {
            return false;
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (path.contains("..")
                || path.contains("\\")
                || path.contains("//")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%00")
                || lower.contains("%2e")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
