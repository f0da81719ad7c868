package dev.safestream.server.transport.http;

import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.transport.ClientAddresses;
import dev.safestream.server.transport.LingeringClose;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * Like nginx's {@code limit_conn} and {@code client_header_timeout}, at the connection, before any handler:
 *
 * <ul>
 *   <li>At most {@code maxPerAddress} open connections (HTTP and WebSocket alike) from one peer address; more are
 *       closed as they are accepted, counted as the {@code http_connections_per_address} limit. Trusted proxies
 *       (TRUSTED_PROXIES) are exempt: every client behind them shares their address.
 *   <li>A request head must arrive whole within {@code headTimeout} of the connection opening or of the previous
 *       answer; a connection that trickles its head (or idles between requests) is closed, counted as
 *       {@code http_header_timeout}. Upgraded WebSocket connections are exempt: their idle rules are the chat's.
 * </ul>
 *
 * One 19,900-socket client from one address held all but 78 of the process's 20,000 files before (issue 23, M3).
 * Accept and close run on selector threads; the transport's timer thread ({@link LingeringClose#every}) sweeps the
 * deadlines once a second.
 */
final class ConnectionGuard extends BaseFilter {
    private static final Attribute<Tracked> TRACKED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ConnectionGuard.class + ".tracked");
    private static final Duration SWEEP = Duration.ofSeconds(1);

    /** One accepted connection: whose address it counts against, and since when a request head is awaited. */
    private static final class Tracked {
        final String address;
        final boolean counted;
        /** Ticker time since a head is awaited; {@link Long#MIN_VALUE} while a request is being answered. */
        volatile long awaitingSince;

        volatile boolean upgraded;

        Tracked(String address, boolean counted, long now) {
            this.address = address;
            this.counted = counted;
            this.awaitingSince = now;
        }
    }

    private final int maxPerAddress;
    private final long headTimeoutNanos;
    private final ClientAddresses proxies;
    private final LimitMeters limits;
    private final LongSupplier ticker;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Connection<?>, Tracked> awaiting = new ConcurrentHashMap<>();

    /**
     * @param maxPerAddress open connections one address may hold (MAX_HTTP_CONNECTIONS_PER_ADDRESS); 0 = no limit
     * @param headTimeout how long a request head may take to arrive whole (HTTP_HEADER_TIMEOUT_SECS)
     */
    ConnectionGuard(
            int maxPerAddress,
            Duration headTimeout,
            ClientAddresses proxies,
            LimitMeters limits,
            LongSupplier ticker,
            LingeringClose timer) {
        this.maxPerAddress = maxPerAddress;
        this.headTimeoutNanos = headTimeout.toNanos();
        this.proxies = proxies;
        this.limits = limits;
        this.ticker = ticker;
        timer.every(SWEEP, this::sweep);
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        String address = connection.getPeerAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
                ? peer.getAddress().getHostAddress()
                : "";
        boolean counted = maxPerAddress > 0 && !proxies.isTrusted(address);
        if (counted) {
            int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            if (now > maxPerAddress) {
                release(address);
                limits.rejected(Limit.HTTP_CONNECTIONS_PER_ADDRESS);
                connection.closeSilently();
                return ctx.getStopAction();
            }
        }
        Tracked tracked = new Tracked(address, counted, ticker.getAsLong());
        TRACKED.set(connection, tracked);
        awaiting.put(connection, tracked);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request
                && TRACKED.get(ctx.getConnection()) instanceof Tracked tracked
                && tracked.awaitingSince != Long.MIN_VALUE) {
            tracked.awaitingSince = Long.MIN_VALUE; // the head is in; the answer is being worked on
            if ("websocket".equalsIgnoreCase(request.getUpgrade())) {
                tracked.upgraded = true;
                awaiting.remove(ctx.getConnection());
            }
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.isLast()
                && content.getHttpHeader() instanceof HttpResponsePacket
                && TRACKED.get(ctx.getConnection()) instanceof Tracked tracked
                && !tracked.upgraded) {
            tracked.awaitingSince = ticker.getAsLong(); // answered: the next head's clock starts
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        awaiting.remove(connection);
        Tracked tracked = TRACKED.remove(connection);
        if (tracked != null && tracked.counted) {
            release(tracked.address);
        }
        return ctx.getInvokeAction();
    }

    private void release(String address) {
        open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Closes connections whose request head is overdue. */
    void sweep() {
        long now = ticker.getAsLong();
        awaiting.forEach((connection, tracked) -> {
            long since = tracked.awaitingSince;
            if (!tracked.upgraded && since != Long.MIN_VALUE && now - since > headTimeoutNanos) {
                awaiting.remove(connection);
                limits.rejected(Limit.HTTP_HEADER_TIMEOUT);
                connection.closeSilently();
            }
        });
    }
}
