package dev.safestream.server.transport.http;

import dev.safestream.server.transport.ClientAddresses;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.http.server.Request;

/** The client address of an HTTP request, after trusted proxies ({@link ClientAddresses}). */
final class RequestAddress {
    private RequestAddress() {}

    static String of(Request request, ClientAddresses addresses) {
        List<String> forwarded = new ArrayList<>();
        request.getHeaders("X-Forwarded-For").forEach(forwarded::add);
        return addresses.resolve(request.getRemoteAddr(), forwarded);
    }
}
