package dev.safestream.models.text;

import java.util.Arrays;
import java.util.List;

/**
 * Hashes a text's normalised word unigrams and bigrams and its character 3- to 5-grams (within word boundaries) into
 * a fixed number of buckets: counts are log-scaled and the vector L2-normalised. The hash is {@code String.hashCode}'s
 * polynomial (specified by the JLS, so stable across JVMs) seeded per feature kind and finalised with MurmurHash3's
 * mixer. Training and serving share this class, so features always line up with the trained weights.
 */
public final class HashedNgrams {
    private static final int WORD = 0x9E3779B9;
    private static final int BIGRAM = 0x85EBCA6B;
    private static final int CHARS = 0xC2B2AE35;

    private final TextNormalizer normalizer;
    private final int buckets;

    public HashedNgrams(TextNormalizer normalizer, int buckets) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two: " + buckets);
        }
        this.normalizer = normalizer;
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** The normalised words the features are built from (what explanations refer to). */
    public List<String> words(String text) {
        return normalizer.tokens(ChatText.canonical(text));
    }

    public SparseVector features(String text) {
        return featuresOfWords(words(text));
    }

    public SparseVector featuresOfWords(List<String> words) {
        int[] hashes = new int[64];
        int n = 0;
        String previous = null;
        for (String word : words) {
            hashes = grow(hashes, n + 2 + 3 * (word.length() + 2));
            hashes[n++] = bucket(hash(WORD, word, 0, word.length()));
            if (previous != null) {
                hashes[n++] = bucket(hash(hash(BIGRAM, previous, 0, previous.length()), word, 0, word.length()));
            }
            String padded = " " + word + " ";
            for (int size = 3; size <= 5; size++) {
                for (int start = 0; start + size <= padded.length(); start++) {
                    hashes[n++] = bucket(hash(CHARS + size, padded, start, start + size));
                }
            }
            previous = word;
        }
        return counted(Arrays.copyOf(hashes, n));
    }

    private static SparseVector counted(int[] hashes) {
        Arrays.sort(hashes);
        int[] idx = new int[hashes.length];
        float[] val = new float[hashes.length];
        int k = -1;
        for (int i = 0; i < hashes.length; i++) {
            if (k >= 0 && idx[k] == hashes[i]) {
                val[k]++;
            } else {
                idx[++k] = hashes[i];
                val[k] = 1;
            }
        }
        int size = k + 1;
        double norm = 0;
        for (int i = 0; i < size; i++) {
            val[i] = (float) Math.log1p(val[i]);
            norm += val[i] * val[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < size; i++) {
            val[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(idx, size), Arrays.copyOf(val, size));
    }

    private int bucket(int hash) {
        return mix(hash) & (buckets - 1);
    }

    private static int hash(int seed, String s, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }
}
