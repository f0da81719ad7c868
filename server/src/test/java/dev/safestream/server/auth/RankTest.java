package dev.safestream.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RankTest {
    private ChannelDirectory channels;
    private Authorizer authorizer;

    @BeforeEach
    void channels() {
        channels = new ChannelDirectory(new InMemoryChannelRoles(), Clock.systemUTC());
        channels.create("stream", "Owner");
        channels.appoint("stream", "chanmod", "Owner");
        channels.appoint("stream", "othermod", "Owner");
        channels.create("elsewhere", "other_owner");
        authorizer = new Authorizer(channels);
    }

    @Test
    void ranksFollowAdminOwnerGlobalChannelEveryone() {
        assertThat(authorizer.rank("boss", Role.ADMIN, "stream")).isEqualTo(Rank.ADMIN);
        assertThat(authorizer.rank("owner", Role.STREAMER, "stream")).isEqualTo(Rank.OWNER);
        assertThat(authorizer.rank("global", Role.MODERATOR, "stream")).isEqualTo(Rank.GLOBAL_MODERATOR);
        assertThat(authorizer.rank("chanmod", Role.VIEWER, "stream")).isEqualTo(Rank.CHANNEL_MODERATOR);
        assertThat(authorizer.rank("chanmod", Role.VIEWER, "elsewhere")).isEqualTo(Rank.EVERYONE);
        assertThat(authorizer.rank("owner", Role.STREAMER, "elsewhere")).isEqualTo(Rank.EVERYONE);
    }

    @Test
    void moderationInAChannelBelongsToItsModeratorsAndUp() {
        Principal chanmod = new Principal("chanmod", Role.VIEWER);
        assertThat(authorizer.allowsIn(chanmod, "stream", Permission.MODERATE)).isTrue();
        assertThat(authorizer.allowsIn(chanmod, "elsewhere", Permission.MODERATE))
                .isFalse();
        assertThat(authorizer.allowsSomewhere(chanmod, Permission.MODERATE)).isTrue();
        assertThat(authorizer.allowsSomewhere(new Principal("viewer", Role.VIEWER), Permission.MODERATE))
                .isFalse();
        assertThat(authorizer.allowsIn(new Principal("global", Role.MODERATOR), "elsewhere", Permission.MODERATE))
                .isTrue();
    }

    @Test
    void anActionOnAUserNeedsAHigherRank() {
        Principal chanmod = new Principal("chanmod", Role.VIEWER);
        assertThatThrownBy(() ->
                        authorizer.requireOutranks(chanmod, "stream", "ban", "othermod", Optional.of(Role.VIEWER)))
                .isInstanceOfSatisfying(
                        AuthException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("a moderator of this channel");
        assertThatThrownBy(() ->
                        authorizer.requireOutranks(chanmod, "stream", "mute", "owner", Optional.of(Role.STREAMER)))
                .hasMessageContaining("the channel's owner");
        assertThatThrownBy(() -> authorizer.requireOutranks(
                        new Principal("global", Role.MODERATOR), "stream", "kick", "boss", Optional.of(Role.ADMIN)))
                .hasMessageContaining("an admin");
        assertThatThrownBy(() ->
                        authorizer.requireOutranks(chanmod, "stream", "kick", "chanmod", Optional.of(Role.VIEWER)))
                .hasMessageContaining("yourself");
        authorizer.requireOutranks(chanmod, "stream", "ban", "troll", Optional.of(Role.VIEWER));
        authorizer.requireOutranks(chanmod, "stream", "ban", "guest-1", Optional.empty());
        authorizer.requireOutranks(
                new Principal("owner", Role.STREAMER), "stream", "ban", "global", Optional.of(Role.MODERATOR));
    }

    @Test
    void aTemporaryPasswordAllowsNothingElse() {
        Principal temporary = new Principal("boss", Role.ADMIN, 3, true);
        assertThat(authorizer.allows(temporary, Permission.WATCH)).isFalse();
        assertThatThrownBy(() -> authorizer.require(temporary, Permission.WATCH))
                .hasMessageContaining("POST /auth/password");
    }
}
