package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.RawWsClient;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 23, section 7: what an adversarial pass on main broke at the transport, one test per row. */
@Timeout(120)
class HardeningIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.websocket.maxConnectionsPerAddress = 0);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String name(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet();
    }

    /**
     * The head and body of the answer to a request written as it is; read by its Content-Length, since a refused
     * request's connection lingers open for a while before it closes.
     */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String head = RawWsClient.readHeaders(in);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(head);
            String body = length.find()
                    ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
                    : "";
            return head + body;
        }
    }

    private static String get(String path) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @Test
    void r7_malformedTargetsGet400NeverAnEmpty500() throws IOException {
        for (String path : List.of(
                "/static/../../etc/passwd",
                "/app/..",
                "/%",
                "/%zz",
                "/%ff",
                "/\\",
                "/static/%c0%ae%c0%ae/x",
                "/api/recent?channel=%zz",
                "/api/recent?limit=%zz",
                "/static/%ff",
                "/api/%zz",
                "/login/%",
                "/%c0",
                "/app/%",
                "/api/channels/%zz/moderation",
                "/ws/%zz",
                "/static/%",
                "/api/users/%ff",
                "/app/./x")) {
            String response = get(path);
            assertThat(response).as(path).startsWith("HTTP/1.1 400");
            assertThat(response).as(path).contains("\"detail\"");
        }
        assertThat(get("/api/recent?channel=%C3%A9t%C3%A9"))
                .as("UTF-8 escapes are fine")
                .doesNotStartWith("HTTP/1.1 5");
        assertThat(get("/;")).doesNotStartWith("HTTP/1.1 5");
    }

    @Test
    void theSiteIconIsServedAtTheAddressEveryBrowserAsksFor() throws IOException {
        String icon = get("/favicon.ico");
        assertThat(icon).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: image/svg+xml");
        assertThat(get("/static/img/favicon.svg")).startsWith("HTTP/1.1 200").contains("<svg");
        assertThat(api.get("/app", null).body()).contains("rel=\"icon\"");
    }

    @Test
    void theStockSwaggerPetstorePageIsNotServed() throws IOException {
        assertThat(get("/docs-ui/index.html")).startsWith("HTTP/1.1 404");
        assertThat(get("/docs-ui/")).startsWith("HTTP/1.1 404");
        assertThat(get("/docs")).startsWith("HTTP/1.1 200");
    }

    @Test
    void l7_anUpgradeWithoutAProperKeyOrByPostIs400() throws IOException {
        String user = name("upgrader");
        String token = URLEncoder.encode(api.register(user, "secret1"), StandardCharsets.UTF_8);
        String path = "/ws/" + user + "?token=" + token;
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n";
        assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + upgrade + "\r\n"))
                .as("no key")
                .startsWith("HTTP/1.1 400");
        assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + upgrade + "Sec-WebSocket-Key: QQ==\r\n\r\n"))
                .as("a 1-byte key")
                .startsWith("HTTP/1.1 400");
        assertThat(raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n" + upgrade
                        + "Sec-WebSocket-Key: c2FmZXN0cmVhbS1yYXctaw==\r\n\r\n"))
                .as("by POST")
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void l8_anUnmaskedClientFrameClosesWith1002() {
        String user = name("unmasked");
        String token = api.register(user, "secret1");
        try (RawWsClient raw = RawWsClient.connect(
                        server.port(),
                        "/ws/" + user + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                        65536);
                WsClient viewer = join(name("viewer"))) {
            raw.awaitText();
            byte[] text = "{\"type\":\"chat\",\"message\":\"unmasked hello\"}".getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + text.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) text.length;
            System.arraycopy(text, 0, frame, 2, text.length);
            raw.sendRaw(frame);
            assertThat(raw.awaitCloseCode()).isEqualTo(CloseCode.PROTOCOL_ERROR.code());
            WsClient other = join(name("after"));
            other.chat("masked hello");
            viewer.awaitChat("masked hello");
            assertThat(viewer.sawChat("unmasked hello")).isFalse();
            other.close();
        }
    }

    @Test
    void l11_sinceAcceptsOnlyPlainEventIds() {
        for (String since : List.of("+5-0", "5-+0", "١٢٣-0", "１２-0")) {
            String user = name("since");
            String token = api.register(user, "secret1");
            try (WsClient c = WsClient.connect(
                    server.wsBase(), user, token, "since=" + URLEncoder.encode(since, StandardCharsets.UTF_8))) {
                assertThat(c.awaitClose()).as(since).isEqualTo(CloseCode.POLICY_VIOLATION.code());
            }
        }
    }

    private static WsClient join(String user) {
        WsClient client = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }
}
