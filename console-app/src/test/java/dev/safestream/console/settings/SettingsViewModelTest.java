package dev.safestream.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.ui.UiExecutor;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final SettingsViewModel settings = new SettingsViewModel(client, UiExecutor.direct(), "main");

    @Test
    void loadsEditsAndSavesKeepingFieldsTheConsoleDoesNotEdit() throws Exception {
        client.settings = (ObjectNode) new ObjectMapper().readTree("""
                        {"mode":"post","thresholds":{"flag":0.6,"block":0.9,"categories":{"threat":{"block":0.8}}},
                         "terms":{"blocked":["idiot*"],"allowed":["hell"]},"slow_mode_seconds":0,
                         "spam":{"block_links":true}}""");
        settings.load().join();
        assertThat(settings.categoriesProperty().get()).isEqualTo("threat - 0.8");
        assertThat(settings.blockedTermsProperty().get()).isEqualTo("idiot*");

        settings.modeProperty().set("hold_uncertain");
        settings.flagProperty().set(0.55);
        settings.holdLowProperty().set(0.3);
        settings.blockedTermsProperty().set("idiot*\n\n/fr[e3]+ ?v-?bucks/\n");
        settings.slowModeSecondsProperty().set(3);
        settings.save().join();

        ObjectNode sent = client.savedSettings.getFirst();
        assertThat(sent.path("mode").asText()).isEqualTo("hold_uncertain");
        assertThat(sent.path("thresholds").path("flag").asDouble()).isEqualTo(0.55);
        assertThat(sent.path("thresholds").path("hold_low").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("thresholds")
                        .path("categories")
                        .path("threat")
                        .path("block")
                        .asDouble())
                .isEqualTo(0.8);
        assertThat(sent.path("terms").path("blocked")).hasSize(2);
        assertThat(sent.path("terms").path("allowed").get(0).asText()).isEqualTo("hell");
        assertThat(sent.path("spam").path("block_links").asBoolean()).isTrue();
        assertThat(sent.path("slow_mode_seconds").asInt()).isEqualTo(3);
        assertThat(settings.statusProperty().get()).startsWith("saved");
        assertThat(settings.dirtyProperty().get()).isFalse();
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
    void malformedCategoryLinesAreRefused() {
        settings.categoriesProperty().set("threat 0.9 0.5");
        assertThat(settings.validate()).contains("category flag must not exceed block: threat 0.9 0.5");

        settings.categoriesProperty().set("Threat high");
        assertThat(settings.validate()).hasValueSatisfying(v -> assertThat(v).startsWith("category line"));
    }
}
