package dev.safestream.server.transport.http;

import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Grizzly's HTTP codec, refusing requests that carry both {@code Content-Length} and {@code Transfer-Encoding}.
 *
 * <p>Grizzly silently prefers the chunked encoding and, when {@code Content-Length} came first, even drops that
 * header before any later filter can see it; only the codec's header-parsing state, alive until
 * {@link #onHttpHeaderParsed} returns, still counts it. So this subclass looks there and marks such a request the
 * way Grizzly marks conflicting {@code Content-Length}s: Grizzly then answers 400 and closes the connection, and a
 * request smuggled behind it is never read (RFC 9112 §6.1 and §6.3).
 */
final class StrictHttpCodec extends HttpServerFilter {
    private final LimitMeters limits;

    /** Built exactly as Grizzly's own {@code HttpServer} builds its codec, from the listener's settings. */
    @SuppressWarnings("deprecation")
    private StrictHttpCodec(NetworkListener listener, HttpServerFilter original, LimitMeters limits) {
        super(
                listener.isChunkingEnabled(),
                listener.getMaxHttpHeaderSize() == -1
                        ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                        : listener.getMaxHttpHeaderSize(),
                null,
                listener.getKeepAlive(),
                null,
                listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        this.limits = limits;
        for (ContentEncoding encoding : original.getContentEncodings()) {
            addContentEncoding(encoding);
        }
        setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
    }

    /** Replaces the listener's codec in its filter chain; returns the new codec's index. */
    static int install(NetworkListener listener, FilterChainBuilder builder, LimitMeters limits) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (!(builder.get(index) instanceof HttpServerFilter original) || original instanceof StrictHttpCodec) {
            return index;
        }
        builder.set(index, new StrictHttpCodec(listener, original, limits));
        return index;
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
        if (header.isRequest() && header instanceof HttpPacketParsing parsing) {
            HttpCodecFilter.HeaderParsingState state = parsing.getHeaderParsingState();
            boolean lengthSeen =
                    state.contentLengthHeadersCount > 0 || header.getHeaders().contains("Content-Length");
            boolean encodingSeen = header.isChunked() || header.getHeaders().contains("Transfer-Encoding");
            if (lengthSeen && encodingSeen) {
                limits.rejected(Limit.AMBIGUOUS_REQUEST_LENGTH);
                state.contentLengthsDiffer = true;
            }
        }
        return super.onHttpHeaderParsed(header, buffer, ctx);
    }
}
