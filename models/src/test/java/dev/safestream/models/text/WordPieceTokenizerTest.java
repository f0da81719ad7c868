package dev.safestream.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WordPieceTokenizerTest.class
                .getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
        }
    }

    @Test
    void splitsUnknownWordsIntoPieces() {
        assertThat(tokenizer.pieces("unaffable")).containsExactly("una", "##ffa", "##ble");
    }

    @Test
    void lowerCasesStripsAccentsAndSplitsPunctuation() {
        assertThat(tokenizer.pieces("Héllo, WORLD!")).containsExactly("hello", ",", "world", "!");
    }

    @Test
    void dropsControlAndZeroWidthCharacters() {
        assertThat(tokenizer.pieces("you\u200Bare\u0007 nice")).containsExactly("you", "##are", "nice");
    }

    @Test
    void wrapsInClsAndSepAndTruncates() {
        int[] ids = tokenizer.encode("one two three four five", 4);
        assertThat(ids).hasSize(4);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[3]).isEqualTo(102);
        assertThat(tokenizer.encode("", 8)).containsExactly(101, 102);
    }
}
