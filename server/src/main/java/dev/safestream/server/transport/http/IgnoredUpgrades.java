package dev.safestream.server.transport.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Answers requests that ask to upgrade to anything but WebSocket (Java's HttpClient and {@code curl --http2} send
 * {@code Upgrade: h2c}) over plain HTTP/1.1, as RFC 9110 §7.8 allows. Grizzly otherwise stops decoding the request
 * body once it sees an Upgrade header it has no filter for, and a POST with a body hangs until the client times out
 * (eclipse-ee4j/glassfish-grizzly#2117, eclipse-ee4j/jersey#6059).
 */
final class IgnoredUpgrades extends BaseFilter implements AddOn {
    private static final String WEBSOCKET = "websocket";

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(HttpServerFilter.class) + 1, this);
    }

    /** Runs on the selector thread while the HTTP codec parses the request head, before it reads the body. */
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            HttpHeader request = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
            if (!WEBSOCKET.equalsIgnoreCase(request.getUpgrade())) {
                request.getUpgradeDC().recycle();
                request.getHeaders().removeHeader(Header.Upgrade);
                request.getHeaders().removeHeader("HTTP2-Settings");
                request.setIgnoreContentModifiers(false);
            }
        }
        return ctx.getInvokeAction();
    }
}
