package dev.safestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void cleanTextIsReturnedAsIs() {
        String text = "hello 👋 wörld\nnext line, e\u0301 combining";
        assertThat(SafeText.clean(text)).isSameAs(text);
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertThat(SafeText.clean("\ud800")).isEqualTo("\uFFFD");
        assertThat(SafeText.clean("a\udc00b")).isEqualTo("a\uFFFDb");
        assertThat(SafeText.clean("x\ud83d")).isEqualTo("x\uFFFD");
        assertThat(SafeText.clean("\ud83d\ud83d\ude00")).isEqualTo("\uFFFD😀");
    }

    @Test
    void controlCharactersOtherThanNewlineAreRemoved() {
        assertThat(SafeText.clean("a\u0000b\u001bc\u0007d\te\r\nf\u007fg\u0085h\u009fi"))
                .isEqualTo("abcde\nfghi");
    }

    @Test
    void bidiControlsAreRemoved() {
        assertThat(SafeText.clean("you are an \u202etoidi")).isEqualTo("you are an toidi");
        assertThat(SafeText.clean("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069ok"))
                .isEqualTo("ok");
        // neighbours of the ranges stay
        assertThat(SafeText.clean("\u202f\u2065\u206a")).isEqualTo("\u202f\u2065\u206a");
    }

    /** Issue 23: these hid text like the controls above and were kept. */
    @Test
    void zeroWidthAndDirectionMarksTheBomAndLineSeparatorsAreRemoved() {
        assertThat(SafeText.clean("i\u200bd\u200ei\u200fo\u061ct\u2060!\ufeff\u2028\u2029"))
                .isEqualTo("idiot!");
        // the joiners stay: a family emoji is one glyph only with them, and Persian needs the non-joiner
        assertThat(SafeText.clean("\ud83d\udc68\u200d\ud83d\udc69 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"))
                .isEqualTo("\ud83d\udc68\u200d\ud83d\udc69 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645");
    }

    @Test
    void everyStringDecodedFromJsonIsCleaned() throws ProtocolException {
        ClientCommand command =
                new ProtocolJson().decodeCommand("{\"type\":\"chat\",\"message\":\"\\ud800\\u202eab\\u0000\"}");
        assertThat(command).isEqualTo(new SendChat("\uFFFDab"));
    }
}
