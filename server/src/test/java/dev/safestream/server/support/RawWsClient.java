package dev.safestream.server.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client over a plain socket that does only what the test tells it: it does not answer pings and does not
 * read unless asked, so it can play a silent or a slow client. Its receive buffer can be made tiny.
 */
public final class RawWsClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private RawWsClient(Socket socket, DataInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    public static RawWsClient connect(int port, String pathAndQuery, int receiveBufferBytes) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15_000);
            String key = Base64.getEncoder().encodeToString("safestream-raw-k".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                            + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String status = readHeaders(in);
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("handshake refused: " + status);
            }
            return new RawWsClient(socket, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes as they are (a frame header that lies about its length, say). */
    public void sendRaw(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until the first text frame (the server's welcome) and returns it. */
    public String awaitText() {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == 0x1) {
                return new String(frame.payload(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Reads frames (discarding data and pings) until the server's close frame; returns its code. Up to 60 s: a client
     * that stopped reading may have megabytes waiting in the kernel.
     */
    public int awaitCloseCode() {
        try {
            // a receive window smaller than a segment drains only at the pace of the sender's window probes, which
            // back off to seconds: open it up before reading the backlog
            socket.setReceiveBufferSize(4 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Frame frame = readFrame();
            if (frame.opcode() == 0x8) {
                byte[] p = frame.payload();
                return p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1005;
            }
        }
        throw new IllegalStateException("no close frame within 60 s");
    }

    /** Reads frames until one with {@code opcode} (0xA for a pong) and returns its payload. */
    public byte[] awaitOpcode(int opcode) {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == opcode) {
                return frame.payload();
            }
        }
    }

    private record Frame(int opcode, byte[] payload) {}

    private Frame readFrame() {
        try {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            return new Frame(b0 & 0x0F, in.readNBytes((int) length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an HTTP head up to and including the blank line that ends it. */
    public static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during handshake");
            }
            headers.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
