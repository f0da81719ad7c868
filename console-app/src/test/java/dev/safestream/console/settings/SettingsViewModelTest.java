package dev.safestream.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.settings.CategoryThresholds;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.SpamSettings;
import dev.safestream.protocol.settings.Terms;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.protocol.settings.TimeoutSettings;
import dev.safestream.protocol.settings.UserLists;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private static final SpamSettings LINKS_BLOCKED = new SpamSettings(0, 8, 0, 0, true, List.of("example.com"), 0, 10);
    private static final UserLists USERS = new UserLists(List.of("trusted_fan"), List.of("spammer"));
    private static final TimeoutSettings LADDER = new TimeoutSettings(3, 600, List.of(60L, 600L), 86_400);

    private final FakeServerClient client = new FakeServerClient();
    private final SettingsViewModel settings = new SettingsViewModel(client, UiExecutor.direct(), "main");

    @Test
    void loadsEditsAndSavesKeepingFieldsTheConsoleDoesNotEdit() {
        client.settings = new ModerationSettings(
                ModerationMode.POST,
                new Thresholds(0.6, 0.9, null, Map.of("threat", new CategoryThresholds(null, 0.8))),
                new Terms(List.of("idiot*"), List.of("hell")),
                LINKS_BLOCKED,
                0,
                USERS,
                LADDER);
        settings.load().join();
        assertThat(settings.categoriesProperty().get()).isEqualTo("threat - 0.8");
        assertThat(settings.blockedTermsProperty().get()).isEqualTo("idiot*");

        settings.modeProperty().set("hold_uncertain");
        settings.flagProperty().set(0.55);
        settings.holdLowProperty().set(0.3);
        settings.blockedTermsProperty().set("idiot*\n\n/fr[e3]+ ?v-?bucks/\n");
        settings.slowModeSecondsProperty().set(3);
        settings.save().join();

        ModerationSettings sent = client.savedSettings.getFirst();
        assertThat(sent.mode()).isEqualTo(ModerationMode.HOLD_UNCERTAIN);
        assertThat(sent.thresholds().flag()).isEqualTo(0.55);
        assertThat(sent.thresholds().holdLow()).isEqualTo(0.3);
        assertThat(sent.thresholds().categories())
                .containsExactly(Map.entry("threat", new CategoryThresholds(null, 0.8)));
        assertThat(sent.terms().blocked()).containsExactly("idiot*", "/fr[e3]+ ?v-?bucks/");
        assertThat(sent.terms().allowed()).containsExactly("hell");
        assertThat(sent.spam()).isEqualTo(LINKS_BLOCKED);
        assertThat(sent.users()).isEqualTo(USERS);
        assertThat(sent.timeouts()).isEqualTo(LADDER);
        assertThat(sent.slowModeSeconds()).isEqualTo(3);
        assertThat(settings.statusProperty().get()).startsWith("saved");
        assertThat(settings.dirtyProperty().get()).isFalse();
    }

    @Test
    void savingUneditedSettingsSendsBackWhatWasLoaded() {
        client.settings = new ModerationSettings(
                ModerationMode.PRE_MODERATE,
                new Thresholds(0.5, 0.85, null, Map.of("hate", new CategoryThresholds(0.4, null))),
                new Terms(List.of("free v-bucks"), List.of()),
                LINKS_BLOCKED,
                10,
                USERS,
                LADDER);
        settings.load().join();

        settings.save().join();

        assertThat(client.savedSettings).containsExactly(client.settings);
    }

    @Test
    void flagAboveBlockIsRefusedBeforeAnyRequest() {
        settings.flagProperty().set(0.95);
        settings.blockProperty().set(0.9);

        settings.save().join();

        assertThat(client.savedSettings).isEmpty();
        assertThat(settings.statusProperty().get()).isEqualTo("flag threshold must not exceed block threshold");
    }

    @Test
    void anEditTheServerWouldRefuseIsRefusedWithTheServersMessageBeforeAnyRequest() {
        settings.blockedTermsProperty().set("/([a-z/");

        settings.save().join();

        assertThat(client.savedSettings).isEmpty();
        assertThat(settings.statusProperty().get()).startsWith("terms.blocked[0] is not a valid regular expression");
    }

    @Test
    void malformedCategoryLinesAreRefused() {
        settings.categoriesProperty().set("threat 0.9 0.5");
        assertThat(settings.validate()).contains("category flag must not exceed block: threat 0.9 0.5");

        settings.categoriesProperty().set("Threat high");
        assertThat(settings.validate()).hasValueSatisfying(v -> assertThat(v).startsWith("category line"));
    }

    @Test
    void theChosenModeIsExplainedInASentence() {
        var help = settings.modeHelp();
        for (String mode : SettingsViewModel.MODES) {
            settings.modeProperty().set(mode);
            assertThat(help.get()).as(mode).isNotBlank();
        }
        settings.modeProperty().set("pre_moderate");
        assertThat(help.get()).contains("until a moderator approves");
    }
}
