package dev.safestream.models.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactual augmentation: copies of labelled texts with each identity term swapped for another of the same
 * category ("I met a gay couple" → "I met a bisexual couple"). Labels, source and weight are kept, so the model sees
 * that the identity word does not decide the label, for abusive texts and harmless ones alike.
 *
 * <p>Only the {@link IdentityLexicon}'s training terms are matched and used as replacements, so the evaluation terms
 * stay unseen in the debiasing data. Terms match as whole words, ignoring case; plurals ("Muslims") are not matched.
 */
public final class Counterfactuals {
    private final IdentityLexicon lexicon;
    private final Pattern trainingTerms;
    private final Map<String, String> termByLower = new HashMap<>();
    private final Map<String, List<String>> byCategory;

    private Counterfactuals(IdentityLexicon lexicon) {
        this.lexicon = lexicon;
        this.trainingTerms = IdentityLexicon.wholeWords(lexicon.trainingTerms());
        lexicon.trainingTerms().forEach(t -> termByLower.put(IdentityLexicon.lower(t), t));
        this.byCategory = lexicon.byCategory(lexicon.trainingTerms());
    }

    /**
     * New examples only: one copy of each example whose text contains a training identity term, with every such term
     * replaced (the same term by the same replacement within a text). Deterministic for a seed and input order.
     */
    public static List<Example> augment(List<Example> examples, long seed) {
        return augment(examples, seed, IdentityLexicon.standard());
    }

    static List<Example> augment(List<Example> examples, long seed, IdentityLexicon lexicon) {
        Counterfactuals swapper = new Counterfactuals(lexicon);
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (Example e : examples) {
            String swapped = swapper.swap(e.text(), random);
            if (swapped != null) {
                out.add(new Example(swapped, e.source(), e.labels().clone(), e.weight()));
            }
        }
        return out;
    }

    /** The text with its training terms swapped, or null if it has none that can be swapped. */
    private String swap(String text, Random random) {
        Matcher m = trainingTerms.matcher(text);
        if (!m.find()) {
            return null;
        }
        Map<String, String> replacements = new HashMap<>();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        boolean changed = false;
        do {
            String term = termByLower.get(IdentityLexicon.lower(m.group()));
            if (term == null) {
                continue; // a Unicode case-fold match ("ſikh") with no lower-case twin in the lexicon: left as it is
            }
            String replacement = replacements.computeIfAbsent(term, t -> pick(t, replacements, random));
            changed |= !replacement.equals(term);
            out.append(text, last, m.start());
            fixArticle(out, replacement);
            out.append(styled(replacement, m.group(), term));
            last = m.end();
        } while (m.find());
        out.append(text, last, text.length());
        return changed ? out.toString() : null;
    }

    /** Another training term of the same category, preferring one not already used in this text. */
    private String pick(String term, Map<String, String> used, Random random) {
        List<String> others = new ArrayList<>(byCategory.get(lexicon.category(term)));
        others.remove(term);
        if (others.isEmpty()) {
            return term;
        }
        List<String> fresh = new ArrayList<>(others);
        fresh.removeAll(used.values());
        List<String> from = fresh.isEmpty() ? others : fresh;
        return from.get(random.nextInt(from.size()));
    }

    /**
     * The replacement in the matched text's style: initialisms ("LGBTQ") as they are; an all-capitals match of a
     * word that is not an initialism in capitals; otherwise the first letter upper- or lower-case as in the match.
     */
    static String styled(String replacement, String matched, String term) {
        if (isInitialism(replacement)) {
            return replacement;
        }
        if (!isInitialism(term) && matched.length() > 1 && matched.equals(matched.toUpperCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        String first = replacement.substring(0, 1);
        first = Character.isUpperCase(matched.charAt(0))
                ? first.toUpperCase(Locale.ROOT)
                : first.toLowerCase(Locale.ROOT);
        return first + replacement.substring(1);
    }

    /** Turns an article "a"/"an" (any case) just before the replacement into the one its first sound needs. */
    private static void fixArticle(StringBuilder out, String replacement) {
        int end = out.length() - 1;
        if (end < 1 || out.charAt(end) != ' ') {
            return;
        }
        int start = end;
        while (start > 0 && Character.isLetter(out.charAt(start - 1))) {
            start--;
        }
        String word = out.substring(start, end);
        boolean wordStart = start == 0
                || !(Character.isLetterOrDigit(out.charAt(start - 1)) || "_'".indexOf(out.charAt(start - 1)) >= 0);
        if (!wordStart || !(word.equalsIgnoreCase("a") || word.equalsIgnoreCase("an"))) {
            return;
        }
        String article = IdentityTemplates.startsWithVowelSound(replacement) ? "an" : "a";
        if (word.length() == 2 && Character.isUpperCase(word.charAt(1))) {
            article = article.toUpperCase(Locale.ROOT);
        } else if (Character.isUpperCase(word.charAt(0))) {
            article = Character.toUpperCase(article.charAt(0)) + article.substring(1);
        }
        out.replace(start, end, article);
    }

    private static boolean isInitialism(String word) {
        return word.length() > 1
                && !word.contains(" ")
                && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT));
    }
}
