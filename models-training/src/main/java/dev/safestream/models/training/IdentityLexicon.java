package dev.safestream.models.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Identity terms ({@code identity/terms.tsv}, {@code category<TAB>term}) and neutral templates
 * ({@code identity/templates.txt}, one {@code {}} slot), each split once into a training half and an evaluation half.
 * A term or template is in exactly one half, so the identity false-positive rate is measured on words and sentence
 * shapes the debiasing data never showed the model (it measures the lesson, not memorised terms).
 *
 * <p>Contract checked on construction: terms are unique (ignoring case) and no term contains another as a whole word,
 * and no template contains a term; hence no evaluation sentence contains a training term.
 */
final class IdentityLexicon {
    /** Fixed, not the run's {@code --seed}: the evaluation set must stay the same for the card's numbers to compare. */
    static final long SPLIT_SEED = 14;

    private static final String DIR = "/dev/safestream/models/identity/";

    private final Map<String, String> categoryByLowerTerm = new LinkedHashMap<>();
    private final List<String> trainingTerms;
    private final List<String> evaluationTerms;
    private final List<String> trainingTemplates;
    private final List<String> evaluationTemplates;

    /** Explicit halves; the split itself is {@link #split}. */
    IdentityLexicon(
            Map<String, String> categoryByTerm,
            List<String> trainingTerms,
            List<String> evaluationTerms,
            List<String> trainingTemplates,
            List<String> evaluationTemplates) {
        categoryByTerm.forEach((term, category) -> {
            if (categoryByLowerTerm.put(lower(term), category) != null) {
                throw new IllegalArgumentException("Identity term listed twice: " + term);
            }
        });
        this.trainingTerms = List.copyOf(trainingTerms);
        this.evaluationTerms = List.copyOf(evaluationTerms);
        this.trainingTemplates = List.copyOf(trainingTemplates);
        this.evaluationTemplates = List.copyOf(evaluationTemplates);
        validate();
    }

    /** The shipped lexicon, split with {@link #SPLIT_SEED}. */
    static IdentityLexicon standard() {
        return Standard.LEXICON;
    }

    /**
     * Half of each category's terms (rounded down) and half of the templates go to training, chosen by shuffling with
     * {@code seed}; each half keeps the file's order.
     */
    static IdentityLexicon split(Map<String, String> categoryByTerm, List<String> templates, long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> byCategory = new TreeMap<>();
        categoryByTerm.forEach((term, category) ->
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(term));
        Set<String> training = new HashSet<>();
        byCategory.values().forEach(terms -> training.addAll(firstHalf(terms, random)));
        Set<String> trainingTemplates = new HashSet<>(firstHalf(templates, random));
        List<String> terms = List.copyOf(categoryByTerm.keySet());
        return new IdentityLexicon(
                categoryByTerm,
                terms.stream().filter(training::contains).toList(),
                terms.stream().filter(t -> !training.contains(t)).toList(),
                templates.stream().filter(trainingTemplates::contains).toList(),
                templates.stream().filter(t -> !trainingTemplates.contains(t)).toList());
    }

    List<String> trainingTerms() {
        return trainingTerms;
    }

    List<String> evaluationTerms() {
        return evaluationTerms;
    }

    List<String> trainingTemplates() {
        return trainingTemplates;
    }

    List<String> evaluationTemplates() {
        return evaluationTemplates;
    }

    int size() {
        return categoryByLowerTerm.size();
    }

    /** The category of a lexicon term, ignoring case. */
    String category(String term) {
        String category = categoryByLowerTerm.get(lower(term));
        if (category == null) {
            throw new IllegalArgumentException("Not an identity term: " + term);
        }
        return category;
    }

    /** Terms of {@code terms} grouped by category, categories sorted, terms in the given order. */
    Map<String, List<String>> byCategory(List<String> terms) {
        return terms.stream().collect(Collectors.groupingBy(this::category, TreeMap::new, Collectors.toList()));
    }

    /**
     * One case-insensitive pattern matching any of {@code terms} as a whole word: not preceded or followed by a
     * letter, digit or underscore (so "Asian" does not match in "Caucasian"; a hyphen does end a word). Spaces in
     * multi-word terms match any run of whitespace. The alternation is grouped by first letter (so a word start tries
     * only the terms with its letter) and lists longer terms first.
     */
    static Pattern wholeWords(Collection<String> terms) {
        Map<String, List<String>> byFirst = terms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.groupingBy(
                        t -> t.substring(0, 1).toLowerCase(Locale.ROOT), TreeMap::new, Collectors.toList()));
        String alternation = byFirst.entrySet().stream()
                .map(group -> Pattern.quote(group.getKey())
                        + group.getValue().stream()
                                .map(t -> quote(t.substring(1)))
                                .collect(Collectors.joining("|", "(?:", ")")))
                .collect(Collectors.joining("|"));
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}_])(?:" + alternation + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String quote(String text) {
        return text.isEmpty() ? "" : Pattern.quote(text).replace(" ", "\\E\\s+\\Q");
    }

    static String lower(String term) {
        return term.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private void validate() {
        List<String> all = new ArrayList<>(trainingTerms);
        all.addAll(evaluationTerms);
        if (all.size() != categoryByLowerTerm.size()
                || !all.stream()
                        .map(IdentityLexicon::lower)
                        .collect(Collectors.toSet())
                        .equals(categoryByLowerTerm.keySet())) {
            throw new IllegalArgumentException("Every term must be in exactly one half");
        }
        if (new HashSet<>(trainingTemplates).removeAll(evaluationTemplates)) {
            throw new IllegalArgumentException("A template is in both halves");
        }
        for (String term : all) {
            Pattern alone = wholeWords(List.of(term));
            for (String other : all) {
                if (!other.equals(term) && alone.matcher(other).find()) {
                    throw new IllegalArgumentException(
                            "Identity term '" + other + "' contains the term '" + term + "'");
                }
            }
        }
        Pattern anyTerm = wholeWords(all);
        List<String> templates = new ArrayList<>(trainingTemplates);
        templates.addAll(evaluationTemplates);
        for (String template : templates) {
            if (template.indexOf("{}") < 0 || template.indexOf("{}") != template.lastIndexOf("{}")) {
                throw new IllegalArgumentException("A template needs exactly one {} slot: " + template);
            }
            var m = anyTerm.matcher(template);
            if (m.find()) {
                throw new IllegalArgumentException("Template '" + template + "' contains the term '" + m.group() + "'");
            }
        }
    }

    private static <T> List<T> firstHalf(List<T> items, Random random) {
        List<T> shuffled = new ArrayList<>(items);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, shuffled.size() / 2);
    }

    /** Loaded on first use. */
    private static final class Standard {
        static final IdentityLexicon LEXICON = load();

        private static IdentityLexicon load() {
            Map<String, String> categoryByTerm = new LinkedHashMap<>();
            for (String line : lines("terms.tsv")) {
                String[] cols = line.split("\t");
                if (cols.length != 2 || cols[0].isBlank() || cols[1].isBlank()) {
                    throw new IllegalStateException("terms.tsv: expected category<TAB>term, got '" + line + "'");
                }
                if (categoryByTerm.put(cols[1].strip(), cols[0].strip()) != null) {
                    throw new IllegalStateException("terms.tsv: term listed twice: " + cols[1]);
                }
            }
            return split(categoryByTerm, lines("templates.txt"), SPLIT_SEED);
        }

        /** Non-blank lines that are not {@code #} comments. */
        private static List<String> lines(String file) {
            try (InputStream in = IdentityLexicon.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + DIR + file);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
