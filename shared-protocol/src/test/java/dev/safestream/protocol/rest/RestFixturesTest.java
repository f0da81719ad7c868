package dev.safestream.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.GiftSent;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The REST golden fixtures ({@code dev/safestream/protocol/rest/*.json}, also the OpenAPI document's examples): each
 * decodes to its record and encodes back to the same JSON, so a record change that alters the wire format fails here.
 */
class RestFixturesTest {
    private static final ObjectMapper JSON = new ProtocolJson().mapper();
    private static final TypeFactory TYPES = JSON.getTypeFactory();

    /** Every fixture and the record (or list of records) it is the wire form of. */
    private static final Map<String, JavaType> FIXTURES = Map.ofEntries(
            Map.entry("account", type(Account.class)),
            Map.entry("account-deleted", type(AccountDeleted.class)),
            Map.entry("account-page", type(AccountPage.class)),
            Map.entry("audit", list(AuditRecord.class)),
            Map.entry("banned", type(UserActionResult.class)),
            Map.entry("sanctions", type(SanctionList.class)),
            Map.entry("channel", type(ChannelInfo.class)),
            Map.entry("channel-create-request", type(ChannelCreateRequest.class)),
            Map.entry("channel-figures", type(ChannelMetrics.class)),
            Map.entry("channel-list", type(ChannelList.class)),
            Map.entry("channel-owner-request", type(ChannelOwnerRequest.class)),
            Map.entry("decision-request", type(ReviewDecisionRequest.class)),
            Map.entry("error-bad-request", type(ErrorBody.class)),
            Map.entry("error-forbidden", type(ErrorBody.class)),
            Map.entry("error-not-found", type(ErrorBody.class)),
            Map.entry("error-too-large", type(ErrorBody.class)),
            Map.entry("error-too-many", type(ErrorBody.class)),
            Map.entry("error-unauthorized", type(ErrorBody.class)),
            Map.entry("gift-catalogue", list(CatalogueGift.class)),
            Map.entry("gift-request", type(GiftRequest.class)),
            Map.entry("gift-request-catalogue", type(GiftRequest.class)),
            Map.entry("kicked", type(UserActionResult.class)),
            Map.entry("me", type(CurrentUser.class)),
            Map.entry("moderate-request", type(ModerateRequest.class)),
            Map.entry("moderate-response", type(ModerateResponse.class)),
            Map.entry("moderation-settings", type(ModerationSettings.class)),
            Map.entry("moderators", type(ChannelModerators.class)),
            Map.entry("muted", type(UserActionResult.class)),
            Map.entry("password-change-request", type(PasswordChange.class)),
            Map.entry("password-reset-request", type(PasswordResetRequest.class)),
            Map.entry("readiness", type(Readiness.class)),
            Map.entry("recent", type(RecentEvents.class)),
            Map.entry("register-request", type(RegisterRequest.class)),
            Map.entry("review-decided", type(ReviewOutcome.class)),
            Map.entry("review-item", type(ReviewItem.class)),
            Map.entry("review-queue", type(ReviewQueuePage.class)),
            Map.entry("role-change", type(ChannelRoleChange.class)),
            Map.entry("role-request", type(RoleRequest.class)),
            Map.entry("status-healthy", type(StatusResponse.class)),
            Map.entry("status-queued", type(StatusResponse.class)),
            Map.entry("status-reset", type(StatusResponse.class)),
            Map.entry("status-deleted", type(StatusResponse.class)),
            Map.entry("status-pinned", type(StatusResponse.class)),
            Map.entry("pin-request", type(PinRequest.class)),
            Map.entry("temporary-password", type(TemporaryPassword.class)),
            Map.entry("threshold", type(Threshold.class)),
            Map.entry("token", type(TokenResponse.class)),
            Map.entry("token-temporary", type(TokenResponse.class)),
            Map.entry("unbanned", type(UserActionResult.class)),
            Map.entry("unmuted", type(UserActionResult.class)),
            Map.entry("warned", type(UserActionResult.class)),
            Map.entry("user-action-request", type(UserActionRequest.class)),
            Map.entry("user-profile", type(UserProfile.class)));

    static Stream<Arguments> fixtures() {
        return FIXTURES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureDecodesToItsRecordAndEncodesBackUnchanged(String name, JavaType type) throws IOException {
        String fixture = fixture(name);
        Object decoded = JSON.readValue(fixture, type);
        assertThat(JSON.readTree(JSON.writerFor(type).writeValueAsString(decoded)))
                .as(name)
                .isEqualTo(JSON.readTree(fixture));
    }

    @Test
    void everyFixtureFileIsPinnedToARecord() throws IOException, URISyntaxException {
        // found through one fixture: this test's own package folder has the same name on the test class path
        Path folder = Path.of(RestFixturesTest.class
                        .getResource("/dev/safestream/protocol/rest/token.json")
                        .toURI())
                .getParent();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".json".length())));
        }
        assertThat(files).isEqualTo(new TreeSet<>(FIXTURES.keySet()));
    }

    @Test
    void theOriginalDesignsGiftRequestDecodes() throws IOException {
        assertThat(JSON.readValue(fixture("gift-request"), GiftRequest.class))
                .isEqualTo(new GiftRequest("admin", 999, 1, null));
    }

    @Test
    void timestampsAreWrittenAsIsoTextAndTheOldEpochSecondsFormIsStillRead() throws IOException {
        Instant created = Instant.parse("2026-06-26T12:00:00.250Z");
        String written = JSON.writeValueAsString(new UserProfile("alice", "viewer", created));
        assertThat(written).contains("\"created_at\":\"2026-06-26T12:00:00.250Z\"");
        UserProfile old = JSON.readValue(
                "{\"username\":\"alice\",\"role\":\"viewer\",\"created_at\":1782475200.250000000}", UserProfile.class);
        assertThat(old.createdAt()).isEqualTo(created);
    }

    @Test
    void anActionResultCarriesOnlyItsActionsFields() throws IOException {
        assertThat(JSON.writeValueAsString(UserActionResult.kicked("alice", 2)))
                .isEqualTo("{\"status\":\"kicked\",\"username\":\"alice\",\"connections_closed\":2}");
        assertThat(JSON.readValue(fixture("muted"), UserActionResult.class))
                .isEqualTo(UserActionResult.muted("alice", Instant.parse("2026-06-26T12:01:00Z")));
        assertThat(JSON.readValue(fixture("unbanned"), UserActionResult.class).wasBanned())
                .isFalse();
    }

    @Test
    void theModerationSettingsFixtureIsAValidFullyConfiguredChannel() throws IOException {
        ModerationSettings settings = JSON.readValue(fixture("moderation-settings"), ModerationSettings.class);
        assertThat(settings.mode()).isEqualTo(ModerationMode.HOLD_UNCERTAIN);
        assertThat(settings.thresholds().holdLow()).isEqualTo(0.4);
        assertThat(settings.thresholds().categories()).containsOnlyKeys("threat");
        assertThat(settings.terms().blocked()).contains("/fr[e3]+ ?v-?bucks/");
        assertThat(settings.spam().blockLinks()).isTrue();
        assertThat(settings.users().blocked()).containsExactly("spammer");
        assertThat(settings.timeouts().enabled()).isTrue();
    }

    @Test
    void recentEventsKeepEachEventsType() throws IOException {
        RecentEvents recent = JSON.readValue(fixture("recent"), RecentEvents.class);
        assertThat(recent.events()).hasSize(2);
        assertThat(recent.events().get(0)).isInstanceOf(ChatPosted.class);
        assertThat(recent.events().get(1)).isInstanceOfSatisfying(GiftSent.class, gift -> assertThat(gift.giftId())
                .isEqualTo(999));
    }

    @Test
    void aRegistrationPasswordIsReadByteExactWhileOtherTextIsCleaned() throws IOException {
        RegisterRequest request =
                JSON.readValue("{\"username\":\"al\\u0000ice\",\"password\":\"pa\\u0000ss\"}", RegisterRequest.class);
        assertThat(request.password()).isEqualTo("pa\u0000ss");
        assertThat(request.username()).isNotEqualTo("al\u0000ice");
    }

    private static JavaType type(Class<?> record) {
        return TYPES.constructType(record);
    }

    private static JavaType list(Class<?> record) {
        return TYPES.constructCollectionType(List.class, record);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in =
                RestFixturesTest.class.getResourceAsStream("/dev/safestream/protocol/rest/" + name + ".json")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
