package dev.safestream.server.transport.http;

import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.LingeringClose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * HTTP hygiene at the connection, on the selector thread, before any request reaches a handler:
 *
 * <ul>
 *   <li>A request with both {@code Content-Length} and {@code Transfer-Encoding} is answered 400 and the connection
 *       closed ({@link StrictHttpCodec}, installed in place of Grizzly's codec by {@link #setup}).
 *   <li>A malformed request target (bad or non-UTF-8 percent-escapes, dot segments, encoded NUL, slash or
 *       backslash) is answered 400 ({@link RequestTarget}).
 *   <li>A {@code Content-Length} over the body limit is answered 413 and the connection closed before one byte of the
 *       body is read. (A chunked body over the limit is stopped by {@link BodyLimit} while it is read.)
 *   <li>Every response gets the security headers ({@link SecurityHeaders}).
 * </ul>
 */
final class RequestGuard extends BaseFilter implements AddOn {
    private final long maxBodyBytes;
    private final SecurityHeaders headers;
    private final LimitMeters limits;
    private final Attribute<Boolean> refused =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestGuard.class + ".refused");

    private final LingeringClose lingering;

    RequestGuard(long maxBodyBytes, SecurityHeaders headers, LimitMeters limits, LingeringClose lingering) {
        this.maxBodyBytes = maxBodyBytes;
        this.headers = headers;
        this.limits = limits;
        this.lingering = lingering;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = StrictHttpCodec.install(listener, builder, limits);
        // a body its handler did not read (a POST to a static file, say) is skipped up to the limit, then the
        // connection closes: Grizzly would otherwise go on reading an endless one
        ((HttpCodecFilter) builder.get(codec)).setMaxPayloadRemainderToSkip(maxBodyBytes);
        builder.add(codec + 1, this);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (Boolean.TRUE.equals(refused.get(connection))) {
            return ctx.getStopAction(); // the rest of a refused request's body, until the connection closes
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        String badTarget = RequestTarget.problem(request.getRequestURI(), request.getQueryString());
        if (badTarget == null) {
            badTarget = badWebSocketUpgrade(request);
        }
        if (badTarget != null) {
            return refuse(ctx, request, 400, "Bad Request", badTarget);
        }
        if (request.getContentLength() > maxBodyBytes) {
            limits.rejected(Limit.REQUEST_BODY);
            return refuse(
                    ctx, request, 413, "Content Too Large", "Request bodies are limited to " + maxBodyBytes + " bytes");
        }
        return ctx.getInvokeAction();
    }

    /**
     * A WebSocket upgrade must be a GET with a {@code Sec-WebSocket-Key} of 16 base64-encoded bytes (RFC 6455 §4.1);
     * Tyrus answered a missing key with a 500 and accepted a 1-byte key and a POST.
     */
    static String badWebSocketUpgrade(HttpRequestPacket request) {
        if (!"websocket".equalsIgnoreCase(request.getHeader(Header.Upgrade))) {
            return null;
        }
        if (request.getMethod() != Method.GET) {
            return "A WebSocket upgrade must be a GET";
        }
        String key = request.getHeader("Sec-WebSocket-Key");
        try {
            if (key != null && Base64.getDecoder().decode(key.strip()).length == 16) {
                return null;
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        return "A WebSocket upgrade needs a Sec-WebSocket-Key of 16 base64-encoded bytes";
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpResponsePacket response
                && !response.isCommitted()) {
            headers.addTo(response);
        }
        return ctx.getInvokeAction();
    }

    /** Answers with a JSON error, then closes ({@link LingeringClose}): what is left of the request is discarded. */
    private NextAction refuse(
            FilterChainContext ctx, HttpRequestPacket request, int status, String reason, String detail) {
        Connection<?> connection = ctx.getConnection();
        refused.set(connection, Boolean.TRUE);
        byte[] body = ("{\"detail\":\"" + detail + "\",\"status\":" + status + ",\"title\":\"" + reason + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        request.getProcessingState().setKeepAlive(false);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(status);
        response.setReasonPhrase(reason);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getHeaders().setValue(Header.Connection).setString("close");
        headers.addTo(response);
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(connection.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer, lingering.afterWrite(connection));
        return ctx.getStopAction();
    }

    /** The headers every response carries; see {@link RequestGuard}. */
    static final class SecurityHeaders {
        private final String csp;
        private final boolean denyFraming;

        /** @param frameAncestors origins allowed to embed the pages (EMBED_ALLOWED_ORIGINS); empty = nobody */
        SecurityHeaders(List<String> frameAncestors) {
            this.denyFraming = frameAncestors.isEmpty();
            String ancestors = denyFraming ? "'none'" : String.join(" ", frameAncestors);
            this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                    + " frame-ancestors " + ancestors;
        }

        void addTo(HttpResponsePacket response) {
            setIfAbsent(response, "Content-Security-Policy", csp);
            setIfAbsent(response, "X-Content-Type-Options", "nosniff");
            setIfAbsent(response, "Referrer-Policy", "no-referrer");
            if (denyFraming) {
                setIfAbsent(response, "X-Frame-Options", "DENY");
            }
        }

        private static void setIfAbsent(HttpResponsePacket response, String name, String value) {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        }
    }
}
