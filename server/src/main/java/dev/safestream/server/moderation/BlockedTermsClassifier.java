package dev.safestream.server.moderation;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.moderation.rules.WordPhrase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores text by the blocked terms it contains, after obfuscation-aware normalisation ({@link TextNormalizer}). The
 * score is the highest severity of any matched term; categories carry the highest severity per category; the evidence
 * lists the matched terms. Text without a match scores 0.
 *
 * <p>List format, one term per line: {@code term [score] [category]}, {@code #} starts a comment. Terms may use
 * {@code *} at the start or end of a word. Example: {@code kill yourself 0.97 threat}. The default list ships in the
 * jar ({@code /moderation/blocked-terms.txt}); {@code --blocked-terms FILE} replaces it.
 */
public final class BlockedTermsClassifier implements ToxicityClassifier {
    private static final double DEFAULT_SCORE = 0.95;
    private static final String DEFAULT_CATEGORY = "obscene";

    private final TextNormalizer normalizer;
    private final List<BlockedTerm> terms;

    public BlockedTermsClassifier(TextNormalizer normalizer, List<BlockedTerm> terms) {
        this.normalizer = normalizer;
        this.terms = List.copyOf(terms);
    }

    /** The classifier with the default list shipped in the jar. */
    public static BlockedTermsClassifier withDefaultTerms() {
        try (InputStream in = BlockedTermsClassifier.class.getResourceAsStream("/moderation/blocked-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("default blocked-terms list missing from the jar");
            }
            return fromList(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BlockedTermsClassifier fromFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromList(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blocked terms from " + file, e);
        }
    }

    public static BlockedTermsClassifier fromList(Reader reader) throws IOException {
        TextNormalizer normalizer = new TextNormalizer();
        List<BlockedTerm> terms = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String content = line.replaceFirst("#.*", "").strip();
            if (!content.isEmpty()) {
                terms.add(parse(normalizer, content, number));
            }
        }
        return new BlockedTermsClassifier(normalizer, terms);
    }

    private static BlockedTerm parse(TextNormalizer normalizer, String content, int lineNumber) {
        List<String> parts = new ArrayList<>(List.of(content.split("\\s+")));
        String category = DEFAULT_CATEGORY;
        double score = DEFAULT_SCORE;
        if (parts.size() > 1 && parts.get(parts.size() - 1).matches("[a-z_]+") && isScore(parts, parts.size() - 2)) {
            category = parts.remove(parts.size() - 1);
        }
        if (parts.size() > 1 && isScore(parts, parts.size() - 1)) {
            score = Double.parseDouble(parts.remove(parts.size() - 1));
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("line " + lineNumber + ": score must be within 0..1");
            }
        }
        List<WordPhrase.WordPattern> words = new ArrayList<>();
        for (String word : parts) {
            WordPhrase.WordPattern pattern = WordPhrase.WordPattern.of(word, normalizer);
            if (pattern.core().isEmpty()) {
                throw new IllegalArgumentException("line " + lineNumber + ": empty term word '" + word + "'");
            }
            words.add(pattern);
        }
        return new BlockedTerm(
                String.join(" ", parts).toLowerCase(Locale.ROOT), new WordPhrase(words), score, category);
    }

    private static boolean isScore(List<String> parts, int index) {
        return index >= 1 && parts.get(index).matches("(0(\\.\\d+)?|1(\\.0+)?)");
    }

    @Override
    public Verdict classify(String text) {
        List<String> tokens = normalizer.tokens(text);
        double score = 0;
        Map<String, Double> categories = new HashMap<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (BlockedTerm term : terms) {
            for (int i = 0; i < tokens.size(); i++) {
                if (term.matchesAt(tokens, i)) {
                    score = Math.max(score, term.score());
                    categories.merge(term.category(), term.score(), Math::max);
                    evidence.add(term.text());
                    break;
                }
            }
        }
        return score == 0 ? Verdict.CLEAN : new Verdict(score, categories, List.copyOf(evidence));
    }

    @Override
    public String name() {
        return "blocked-terms";
    }

    public int size() {
        return terms.size();
    }
}
