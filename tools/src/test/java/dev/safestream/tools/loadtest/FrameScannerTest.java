package dev.safestream.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.ErrorReported;
import dev.safestream.protocol.MetricsPublished;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.SendChat;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.SessionStarted;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameScannerTest {
    private final ProtocolJson json = new ProtocolJson();

    /** Records what the scanner reported, as readable strings. */
    private static final class Recorded implements FrameScanner.Events {
        final List<String> events = new ArrayList<>();

        @Override
        public void loadMessage(int sender, long seq, long sentNanos) {
            events.add("lt " + sender + " " + seq + " " + sentNanos);
        }

        @Override
        public void otherChat() {
            events.add("other");
        }

        @Override
        public void error() {
            events.add("error");
        }

        @Override
        public void welcome() {
            events.add("welcome");
        }
    }

    private static ChatPosted chat(String user, String message) {
        return new ChatPosted(
                42,
                user,
                message,
                false,
                0.0,
                Instant.parse("2026-01-02T03:04:05Z"),
                "main",
                false,
                false,
                null,
                false);
    }

    private static List<String> scan(CharSequence frame) {
        Recorded recorded = new Recorded();
        FrameScanner.scan(frame, recorded);
        return recorded.events;
    }

    @Test
    void aSingleServerChatFrameYieldsSenderSequenceAndSendTime() {
        String frame = json.encode(chat("lt_sab12_0", FrameScanner.message(3, 17, 123_456_789_012L)));

        assertThat(scan(frame)).containsExactly("lt 3 17 123456789012");
    }

    @Test
    void negativeNanoTimesSurviveTheRoundTrip() {
        String frame = json.encode(chat("s0", FrameScanner.message(0, 0, -98_765_432_100L)));

        assertThat(scan(frame)).containsExactly("lt 0 0 -98765432100");
    }

    @Test
    void aBatchedArrayYieldsEveryEventInOrder() {
        List<ServerEvent> events = List.of(
                chat("a", FrameScanner.message(0, 1, 1000)),
                new MetricsPublished(5, 0, 0.0, "main"),
                chat("b", FrameScanner.message(1, 1, 2000)),
                new ErrorReported(ErrorReported.RATE_LIMITED, "Slow down"),
                chat("c", "hello \"type\":\"chat\" lt 9 9 9"));
        String frame = "[" + String.join(",", events.stream().map(json::encode).toList()) + "]";

        assertThat(scan(frame)).containsExactly("lt 0 1 1000", "lt 1 1 2000", "error", "other");
    }

    @Test
    void chatMessagesThatAreNotLoadTestMessagesAreCountedAsOther() {
        assertThat(scan(json.encode(chat("alice", "hello")))).containsExactly("other");
        assertThat(scan(json.encode(chat("alice", "lt 1 2")))).containsExactly("other");
        assertThat(scan(json.encode(chat("alice", "lt 1 2 3x")))).containsExactly("other");
        assertThat(scan(json.encode(chat("alice", "lt x 2 3")))).containsExactly("other");
    }

    @Test
    void theWelcomeFrameIsRecognised() {
        String frame = json.encode(new SessionStarted("guest-1a2b", "main", "guest", true));

        assertThat(scan(frame)).containsExactly("welcome");
    }

    @Test
    void aChatWithCategoriesAndAReasonStillYieldsItsSendTime() {
        ChatPosted flagged = new ChatPosted(
                7, "s1", FrameScanner.message(1, 5, 77), true, 0.75, Instant.EPOCH, "main", false, false, null, false);
        // an older server's frame: categories (one named "type") and a reason before the message's own fields end
        String frame = json.encode(flagged)
                .replace(
                        "\"blocked\"",
                        "\"categories\":{\"type\":0.5,\"insult\":0.75},\"reason\":\"score ≥ flag threshold 0.6\",\"blocked\"");

        assertThat(frame).contains("categories");
        assertThat(scan(frame)).containsExactly("lt 1 5 77");
    }

    @Test
    void theNodePeersFrameShapeIsUnderstood() {
        String frame = "{\"type\":\"chat\",\"id\":1,\"user\":\"s0\",\"message\":\"lt 0 4 555\",\"toxic\":false,"
                + "\"score\":0,\"ts\":\"2026-01-01T00:00:00.000Z\",\"channel\":\"main\"}";

        assertThat(scan(frame)).containsExactly("lt 0 4 555");
    }

    @Test
    void scanningWorksOnACharBufferAsTheJdkWebSocketDeliversIt() {
        String frame = "[" + json.encode(chat("a", FrameScanner.message(2, 3, 4))) + ","
                + json.encode(chat("a", FrameScanner.message(2, 4, 5))) + "]";

        assertThat(scan(CharBuffer.wrap(frame))).containsExactly("lt 2 3 4", "lt 2 4 5");
    }

    @Test
    void theChatCommandASenderPostsIsAValidClientFrame() throws Exception {
        assertThat(json.decodeCommand(FrameScanner.chatCommand(4, 9, -12))).isEqualTo(new SendChat("lt 4 9 -12"));
    }

    @Test
    void chatTextAfterTheStampIsEscapedAndStillScanned() throws Exception {
        String command = FrameScanner.chatCommand(2, 5, 77, "say \"hi\" \\ bye");
        assertThat(json.decodeCommand(command)).isEqualTo(new SendChat("lt 2 5 77 say \"hi\" \\ bye"));
        LoadStats stats = new LoadStats();
        LoadClient client = new LoadClient("v0", -1, stats, java.util.List.of());
        client.onText(null, json.encode(chat("s2", FrameScanner.message(2, 5, System.nanoTime()) + " gg wp")), true);
        assertThat(client.delivered()).isEqualTo(1);
    }

    @Test
    void latencyIsRecordedAsReceiveTimeMinusTheEmbeddedSendTime() {
        LoadStats stats = new LoadStats();
        LoadClient client = new LoadClient("v0", -1, stats, java.util.List.of());
        long sent = System.nanoTime() - 5_000_000; // five milliseconds ago

        client.onText(null, json.encode(chat("s0", FrameScanner.message(0, 0, sent))), true);

        assertThat(client.delivered()).isEqualTo(1);
        assertThat(stats.deliveries.sum()).isEqualTo(1);
        assertThat(stats.latencyHistogram().getMaxValue()).isBetween(5_000L, 5_000_000L);
    }

    @Test
    void aFrameSplitAcrossSeveralPartsIsScannedOnceWhole() {
        LoadStats stats = new LoadStats();
        LoadClient client = new LoadClient("v0", -1, stats, java.util.List.of());
        String frame = "[" + json.encode(chat("s0", FrameScanner.message(0, 0, System.nanoTime()))) + ","
                + json.encode(chat("s0", FrameScanner.message(0, 1, System.nanoTime()))) + "]";
        int cut = frame.indexOf("lt 0 1") + 3;

        client.onText(null, frame.substring(0, 10), false);
        client.onText(null, frame.substring(10, cut), false);
        assertThat(client.delivered()).isZero();
        client.onText(null, frame.substring(cut), true);

        assertThat(client.delivered()).isEqualTo(2);
        assertThat(stats.latencyHistogram().getTotalCount()).isEqualTo(2);
    }

    @Test
    void processStatLinesAreReadAfterTheCommandName() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 130 0 0 20 0 40 0 1 2 3";

        assertThat(ProcessSampler.cpuMillis(stat, 100)).isEqualTo(3800);
    }

    @Test
    void websocketUrlsMapToTheirHttpRoot() {
        assertThat(LoadRun.httpRoot(java.net.URI.create("ws://127.0.0.1:8000"))).hasToString("http://127.0.0.1:8000/");
        assertThat(LoadRun.httpRoot(java.net.URI.create("wss://chat.example/"))).hasToString("https://chat.example/");
    }
}
