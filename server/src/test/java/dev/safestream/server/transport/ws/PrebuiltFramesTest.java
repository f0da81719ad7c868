package dev.safestream.server.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.RawWsClient;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The frames {@link WsFrames} builds, written back to back in one write (as a gathered write puts them on the wire),
 * decode to the same texts, in order, in two independent clients: the JDK's and Tyrus's. Payload lengths cover every
 * length encoding and its edges (0, 125, 126, 65,535, 65,536 and more bytes), in multi-byte UTF-8.
 */
@Timeout(60)
class PrebuiltFramesTest {
    private static final int[] PAYLOAD_BYTES = {0, 1, 125, 126, 127, 65_535, 65_536, 200_003};
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)");

    @Test
    void theJdkClientDecodesEveryLengthInOrder() throws Exception {
        List<String> texts = texts();
        try (OneShotServer server = new OneShotServer(texts)) {
            List<String> received = new CopyOnWriteArrayList<>();
            StringBuilder partial = new StringBuilder();
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(partial.toString());
                                partial.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == texts.size());
            assertThat(received).containsExactlyElementsOf(texts);
            ws.abort();
        }
    }

    @Test
    void theTyrusClientDecodesEveryLengthInOrder() throws Exception {
        List<String> texts = texts();
        try (OneShotServer server = new OneShotServer(texts)) {
            List<String> received = new CopyOnWriteArrayList<>();
            ClientManager client = ClientManager.createClient(GrizzlyClientContainer.class.getName());
            client.getProperties().put("org.glassfish.tyrus.incomingBufferSize", 1 << 20);
            Session session = client.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session s, EndpointConfig config) {
                            s.setMaxTextMessageBufferSize(1 << 20);
                            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
                        }
                    },
                    ClientEndpointConfig.Builder.create().build(),
                    URI.create("ws://127.0.0.1:" + server.port() + "/"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == texts.size());
            assertThat(received).containsExactlyElementsOf(texts);
            session.close();
            client.shutdown();
        }
    }

    @Test
    void framesAreSharedViewsNotCopies() {
        ByteBuffer frame = WsFrames.text("shared");
        ByteBuffer a = frame.duplicate();
        ByteBuffer b = frame.duplicate();
        a.position(a.limit());
        assertThat(b.remaining()).isEqualTo(frame.remaining()).isEqualTo(2 + 6);
        assertThat(frame.isReadOnly()).isTrue();
        assertThat(frame.isDirect()).isTrue();
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int bytes : PAYLOAD_BYTES) {
            String text = ofUtf8Bytes(bytes);
            assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
            texts.add(text);
        }
        return texts;
    }

    /** A text of exactly {@code bytes} UTF-8 bytes, mixing 4-, 3-, 2- and 1-byte characters. */
    private static String ofUtf8Bytes(int bytes) {
        StringBuilder s = new StringBuilder();
        String[] pieces = {"😀", "€", "é", "a"};
        int left = bytes;
        int i = 0;
        while (left > 0) {
            String piece = pieces[i++ % pieces.length];
            int size = piece.getBytes(StandardCharsets.UTF_8).length;
            if (size <= left) {
                s.append(piece);
                left -= size;
            }
            if (left < 4 && left > 0) {
                s.append("a".repeat(left));
                left = 0;
            }
        }
        return s.toString();
    }

    /** Accepts one WebSocket handshake, then writes every prebuilt frame in one write and keeps the socket open. */
    private static final class OneShotServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0);
        private final CompletableFuture<Socket> accepted = new CompletableFuture<>();

        OneShotServer(List<String> texts) throws IOException {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Socket socket = listener.accept();
                    accepted.complete(socket);
                    String key = key(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    for (String text : texts) {
                        ByteBuffer frame = WsFrames.text(text).duplicate();
                        byte[] bytes = new byte[frame.remaining()];
                        frame.get(bytes);
                        all.writeBytes(bytes);
                    }
                    out.write(all.toByteArray());
                    out.flush();
                } catch (IOException e) {
                    accepted.completeExceptionally(e);
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        private static String key(InputStream in) throws IOException {
            Matcher m = KEY.matcher(RawWsClient.readHeaders(in));
            if (!m.find()) {
                throw new IOException("no Sec-WebSocket-Key");
            }
            return m.group(1);
        }

        private static String accept(String key) {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
                return Base64.getEncoder().encodeToString(sha1);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            if (accepted.isDone() && !accepted.isCompletedExceptionally()) {
                try {
                    accepted.join().close();
                } catch (IOException | RuntimeException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            }
        }
    }
}
