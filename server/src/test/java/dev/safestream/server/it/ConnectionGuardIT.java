package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safestream.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 23, M3: 19,900 sockets from one address, each trickling a header line every 5 s, were all held. Here the
 * test's own address is not a trusted proxy, so it is counted like any client's.
 */
@Timeout(60)
class ConnectionGuardIT {
    private static TestServer start() {
        return TestServer.start(b -> {
            b.http.trustedProxies = List.of();
            b.http.maxHttpConnectionsPerAddress = 5;
            b.http.httpHeaderTimeout = Duration.ofSeconds(2);
        });
    }

    @Test
    void oneAddressHoldsAtMostItsShareAndTricklingHeadsAreCutOff() throws IOException {
        try (TestServer server = start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    held.add(trickler(server));
                }
                // the sixth is closed as it is accepted
                try (Socket sixth = trickler(server)) {
                    assertThat(closedByServer(sixth)).isTrue();
                }
                // the five trickle a header line every half second: each is closed once its head is 2 s overdue
                await().pollInterval(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> {
                            boolean allClosed = true;
                            for (Socket s : held) {
                                allClosed &= !trickle(s);
                            }
                            return allClosed;
                        });
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            // the address has its share back, and a prompt client is served
            try (Socket prompt = new Socket("127.0.0.1", server.port())) {
                prompt.setSoTimeout(10_000);
                prompt.getOutputStream()
                        .write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(prompt.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
            String scrape = server.api().get("/metrics/prometheus", null).body();
            assertThat(scrape)
                    .contains("limit=\"http_connections_per_address\"")
                    .contains("limit=\"http_header_timeout\"");
        }
    }

    /** A connection that has started a request head and not finished it. */
    private static Socket trickler(TestServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** Sends one more header line; false once the server has closed the connection. */
    private static boolean trickle(Socket socket) {
        if (socket.isClosed()) {
            return false;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (closedByServer(socket, 50)) {
                socket.close();
                return false;
            }
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        return closedByServer(socket, 5_000);
    }

    /** Whether the server closed the connection (end of stream or reset) within {@code millis}. */
    private static boolean closedByServer(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
