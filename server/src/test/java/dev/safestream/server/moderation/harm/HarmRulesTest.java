package dev.safestream.server.moderation.harm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in rules on the cases of issue 21 and their neighbours: what is severe harm, and what is not. */
class HarmRulesTest {
    private static final HarmRules RULES = HarmRules.builtIn(new TextNormalizer());

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kys | self_harm",
                "k.y.s | self_harm",
                "K Y S loser | self_harm",
                "kill yourself | self_harm",
                "kiiill urself | self_harm",
                "go kill yourself nobody likes you | self_harm",
                "nobody would miss you if you were gone | self_harm",
                "the world would be better off without you | self_harm",
                "do everyone a favour and die | self_harm",
                "go drink bleach | self_harm",
                "hope you die | threat",
                "I hope u die in a fire | threat",
                "I will find where you live and hurt you | threat",
                "i'm going to stab you | threat",
                "i will kill you | threat",
                "1 w1ll k1ll y0u | threat",
                "I'll kill you | threat",
                "imma shoot u | threat",
                "you people should all be shot | threat",
                "muslims should be exterminated | threat",
                "death to all jews | threat",
                "watch your back | threat",
                "you're dead meat | threat",
                "I know your address, 42 Elm Street, see you tonight | personal_info",
                "i know where you live | personal_info",
                "his address is 12 Mill Road | personal_info",
                "call her at 555-123-4567 | personal_info",
                "her number is +44 20 7946 0958 lol | personal_info",
                "email him at john.doe@example.com and tell him | personal_info",
                "you f@ggot | identity_hate",
                "gays are vermin | identity_hate",
                "immigrants should go back | identity_hate",
                "n1gger | identity_hate",
            })
    void severeHarmIsCaught(String text, String category) {
        Optional<HarmMatch> match = RULES.find(text);
        assertThat(match).as(text).isPresent();
        assertThat(match.get().category().wireName()).as(text).isEqualTo(category);
        assertThat(match.get().matched()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'm going to destroy you next round",
                "i'm going to kill you next round",
                "that boss killed me",
                "gonna kill you in fortnite later",
                "I'll shoot you a message later",
                "I'll beat you at chess",
                "I could just die of embarrassment",
                "I just died laughing",
                "this song kills me",
                "you're dead tired, go to bed",
                "don't shoot yourself in the foot",
                "she is drop dead gorgeous",
                "saying faggot is disgusting and not ok",
                "someone called me a faggot today and it hurt",
                "as a black man I use nigga with my friends",
                "I'm gay and proud",
                "Muslims are welcome here",
                "gay people are lovely",
                "trans people deserve respect",
                "I live in Niger and love this stream",
                "we need 2 more kills on the main road map",
                "just 1 more way to win",
                "the raccoon stole my lunch",
                "what the fuck was that play",
                "you idiot",
                "this game is shit lol",
                "GG everyone, you all played great",
                "I have 1234567 channel points",
            })
    void banterProfanityAndCounterSpeechAreNotSevere(String text) {
        assertThat(RULES.find(text)).as(text).isEmpty();
    }

    @Test
    void anOperatorsTermListAddsItsSevereEntriesOnly(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("terms.txt");
        Files.writeString(list, """
                # channel-specific
                sp00ky threat words 0.95 threat
                doxme 0.9 personal_info
                meanie 0.7 insult
                untagged
                """);
        HarmRules rules = HarmRules.none(new TextNormalizer()).plusTermList(list);
        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.find("some spooky threat words here").map(HarmMatch::category))
                .contains(HarmCategory.THREAT);
        assertThat(rules.find("d o x m e").map(HarmMatch::category)).contains(HarmCategory.PERSONAL_INFO);
        assertThat(rules.find("what a meanie")).isEmpty();

        HarmRules both = RULES.plusTermList(list);
        assertThat(both.find("kys")).isPresent();
        assertThat(both.find("doxme")).isPresent();
    }

    @Test
    void repeatedLettersInRulesAreCollapsedButEscapesAreKept() {
        assertThat(HarmRuleParser.collapse("\\bkill\\b")).isEqualTo("\\bkil\\b");
        assertThat(HarmRuleParser.collapse("\\bbe\\d{1,2}")).isEqualTo("\\bbe\\d{1,2}");
        assertThat(HarmRuleParser.collapse("address")).isEqualTo("adres");
    }

    @Test
    void aBadRuleNamesItsLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HarmRules.parse(new TextNormalizer(), new StringReader("# x\nthreat \\b{NOPE}\n")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("NOPE");
    }
}
