package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.RawWsClient;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 23, C1 and H1: a guest's ping flood and an endless chunked body each took a server down. Each test floods a
 * real server, expects the flooder cut off with the documented answer, and then checks that chat still flows.
 */
@Timeout(120)
class FloodIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Far more than the budget: on a server without one, every ping is answered and nothing closes. */
    private static final int PINGS = 4_000;
    /** Bounded so that a server that reads forever fails the test instead of hanging it: 64 MiB. */
    private static final int MAX_CHUNKS = 1024;

    private static final int CHUNK = 64 * 1024;

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

    @Test
    void aGuestsPingFloodIsClosedWith4029AndNobodyElseNotices() {
        String path = guestSocketPath();
        try (RawWsClient flooder = RawWsClient.connect(server.port(), path, 4096)) {
            flooder.awaitText();
            sendQuietly(flooder, pings(PINGS));
            assertThat(flooder.awaitCloseCode()).isEqualTo(CloseCode.ABUSIVE.code());
        }
        assertThat(prometheus()).contains("limit=\"client_pings\"");
        chatStillFlows();
    }

    @Test
    void pingsWithinTheBudgetAreAnswered() {
        String path = guestSocketPath();
        try (RawWsClient client = RawWsClient.connect(server.port(), path, 65536)) {
            client.awaitText();
            client.sendRaw(pings(3));
            for (int i = 0; i < 3; i++) {
                assertThat(client.awaitOpcode(0xA)).as("pong " + i).isNotNull();
            }
        }
    }

    /**
     * Each body starts as a valid one of its type, then one field's value never ends. A type the resource does not
     * take may be refused at once (415) and one no resource reads (a static file) is skipped up to the limit: any 4xx
     * will do for those, as long as the server stops reading.
     */
    static Stream<Arguments> endlessBodies() {
        return Stream.of(
                Arguments.of("/auth/login", "application/x-www-form-urlencoded", "username=a&password=", "413"),
                Arguments.of(
                        "/auth/login",
                        "multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n",
                        "413"),
                Arguments.of("/auth/register", "application/json", "{\"username\":\"", "413"),
                Arguments.of("/auth/login", "text/plain", "a", "4"),
                Arguments.of("/static/css/base.css", "application/octet-stream", "a", "4"));
    }

    @ParameterizedTest
    @MethodSource("endlessBodies")
    void anEndlessChunkedBodyIsRefusedAtTheLimit(String path, String contentType, String start, String status)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] first = start.getBytes(StandardCharsets.US_ASCII);
            out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(first);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = chunk();
            long sent = 0;
            try {
                for (int i = 0; i < MAX_CHUNKS && in.available() == 0; i++) {
                    out.write(chunk);
                    sent += CHUNK;
                }
            } catch (IOException closedByTheServer) {
                // the server answered and closed while we were still sending: what it said is read below
            }
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).as("after %d bytes sent", sent).startsWith("HTTP/1.1 " + status);
            assertThat(sent).as("bytes the server took before answering").isLessThan(16L * 1024 * 1024);
        }
        assertThat(prometheus()).contains("limit=\"request_body\"");
        chatStillFlows();
    }

    /** One chunk of the endless body: {@link #CHUNK} bytes of a form field's value. */
    private static byte[] chunk() {
        byte[] data = new byte[CHUNK];
        Arrays.fill(data, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** {@code n} masked client pings with 125-byte payloads (the largest a control frame may carry). */
    private static byte[] pings(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            out.write(0x89);
            out.write(0x80 | 125);
            out.writeBytes(new byte[] {1, 2, 3, 4});
            out.writeBytes(new byte[125]);
        }
        return out.toByteArray();
    }

    /** Sends what the server will take: it stops reading once it has closed the flooder. */
    private static void sendQuietly(RawWsClient client, byte[] bytes) {
        try {
            client.sendRaw(bytes);
        } catch (java.io.UncheckedIOException closedByTheServer) {
            // the server cut the flooder off; the close frame waits in the receive buffer
        }
    }

    /** A fresh guest token's WebSocket path, token in the query as the seed's clients send it. */
    private static String guestSocketPath() {
        Api.Response guest = api.post("/auth/guest", "", null);
        return "/ws/" + guest.text("username") + "?token="
                + URLEncoder.encode(guest.text("access_token"), StandardCharsets.UTF_8);
    }

    private static String prometheus() {
        return api.get("/metrics/prometheus", null).body();
    }

    private static void chatStillFlows() {
        String text = "still flowing " + NAMES.incrementAndGet();
        try (WsClient a = join("calm_" + NAMES.incrementAndGet());
                WsClient b = join("calm_" + NAMES.incrementAndGet())) {
            a.chat(text);
            b.awaitChat(text);
        }
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);
    }

    private static WsClient join(String user) {
        WsClient client = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }
}
