package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.Arrays;
import java.util.List;

/**
 * One intercept per data set. The sources' base rates differ wildly (83 % of Davidson's tweets are offensive, 10 % of
 * the Jigsaw comments are toxic); with one shared intercept the model learns the training mix's prior, and words that
 * merely identify a source (retweets, tweet slang) soak up that source's rate. A per-source offset absorbs each
 * base rate, so the shared weights learn content. Serving uses one reference source's offset per head: the
 * conversation-like data it was labelled on (Jigsaw's talk-page comments; OLID's replies for {@code offensive}, which
 * Jigsaw does not label). Examples from no data set (identity sentences, moderator feedback) are chat, so they take
 * the reference offset too.
 */
public final class Domains {
    public static final int COUNT = DataSets.SOURCES.size();

    private Domains() {}

    static String referenceSource(int head) {
        return head == Heads.index(Heads.OFFENSIVE) ? DataSets.OLID : DataSets.JIGSAW;
    }

    public static int reference(int head) {
        return DataSets.SOURCES.indexOf(referenceSource(head));
    }

    /** Each example's own source, or the head's reference for examples from no data set. */
    public static int[] own(List<Example> examples, int head) {
        int[] out = new int[examples.size()];
        for (int i = 0; i < out.length; i++) {
            int source = DataSets.SOURCES.indexOf(examples.get(i).source());
            out[i] = source >= 0 ? source : reference(head);
        }
        return out;
    }

    /** Every example as if it came from the head's reference source: what serving computes. */
    static int[] served(int rows, int head) {
        int[] out = new int[rows];
        Arrays.fill(out, reference(head));
        return out;
    }
}
