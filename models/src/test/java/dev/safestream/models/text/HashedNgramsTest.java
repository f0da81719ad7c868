package dev.safestream.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashedNgramsTest {
    private final HashedNgrams ngrams = new HashedNgrams(new TextNormalizer(), 1 << 18);

    @Test
    void sameTextSameFeaturesAndObfuscationFoldsAway() {
        assertThat(ngrams.features("you idiot").indices())
                .containsExactly(ngrams.features("you idiot").indices());
        assertThat(ngrams.features("Y0U 1D10T").indices())
                .containsExactly(ngrams.features("you idiot").indices());
        assertThat(ngrams.features("you i d i o t").indices())
                .containsExactly(ngrams.features("you idiot").indices());
    }

    @Test
    void vectorIsSortedAndUnitLength() {
        SparseVector v = ngrams.features("hello hello stream, what a great stream");
        double norm = 0;
        for (int k = 0; k < v.size(); k++) {
            norm += v.values()[k] * v.values()[k];
            if (k > 0) {
                assertThat(v.indices()[k]).isGreaterThan(v.indices()[k - 1]);
            }
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void handlesAndMentionsLinksAreCanonical() {
        assertThat(ngrams.words("RT @someone: watch http://x.y/z @bob")).containsExactly("watch", "url", "user");
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertThat(ngrams.features("  ").size()).isZero();
    }

    @Test
    void bucketsMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new HashedNgrams(new TextNormalizer(), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
