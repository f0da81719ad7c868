package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutral sentences that mention identity groups. Toxicity models trained on social-media data learn that identity
 * words co-occur with abuse and then flag "I am a gay man". {@link #training} adds neutral examples built from the
 * {@link IdentityLexicon}'s training terms and templates (to reduce that bias); {@link #evaluation} pairs every
 * evaluation term with every evaluation template, none of which the training sentences contain, so the false-positive
 * rate measured on it shows whether the model generalised rather than memorised our terms.
 */
public final class IdentityTemplates {
    static final String SOURCE = "identity_augment";

    /** About this many training sentences; all pairs of training terms and templates would be several thousand. */
    static final int TRAINING_SIZE = 1500;

    /** One filled-in template, with the term and its category for per-category rates. */
    record IdentitySentence(String text, String term, String category) {}

    private static final Pattern ARTICLE_BEFORE_SLOT = Pattern.compile("(?<![\\p{L}'])([Aa]) \\{\\}");

    private IdentityTemplates() {}

    /**
     * Neutral examples (toxic, offensive and hate = 0; other heads unknown), source {@link #SOURCE}.
     *
     * @param weight loss weight of each sentence (they are few next to tens of thousands of tweets)
     */
    public static List<Example> training(float weight) {
        List<Example> out = new ArrayList<>();
        for (IdentitySentence sentence : trainingSentences(IdentityLexicon.standard())) {
            out.add(DataSets.example(
                            sentence.text(),
                            SOURCE,
                            Map.of(Heads.TOXIC, false, Heads.OFFENSIVE, false, Heads.HATE, false))
                    .withWeight(weight));
        }
        return out;
    }

    /**
     * Training terms × training templates, sampled down evenly to about {@link #TRAINING_SIZE}: each term gets the
     * same number of templates, taken in turn from a fixed shuffle so each template is used about equally often.
     */
    static List<IdentitySentence> trainingSentences(IdentityLexicon lexicon) {
        List<String> terms = lexicon.trainingTerms();
        List<String> templates = new ArrayList<>(lexicon.trainingTemplates());
        java.util.Collections.shuffle(templates, new java.util.Random(IdentityLexicon.SPLIT_SEED));
        int perTerm = Math.min(templates.size(), Math.max(1, Math.round(TRAINING_SIZE / (float) terms.size())));
        List<IdentitySentence> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            for (int k = 0; k < perTerm; k++) {
                out.add(sentence(lexicon, templates.get((i * perTerm + k) % templates.size()), terms.get(i)));
            }
        }
        return out;
    }

    /** The texts of {@link #evaluationSentences()}. */
    static List<String> evaluation() {
        return evaluationSentences().stream().map(IdentitySentence::text).toList();
    }

    /** Every evaluation term with every evaluation template, template by template. */
    static List<IdentitySentence> evaluationSentences() {
        return evaluationSentences(IdentityLexicon.standard());
    }

    static List<IdentitySentence> evaluationSentences(IdentityLexicon lexicon) {
        List<IdentitySentence> out = new ArrayList<>();
        for (String template : lexicon.evaluationTemplates()) {
            for (String term : lexicon.evaluationTerms()) {
                out.add(sentence(lexicon, template, term));
            }
        }
        return out;
    }

    private static IdentitySentence sentence(IdentityLexicon lexicon, String template, String term) {
        return new IdentitySentence(fill(template, term), term, lexicon.category(term));
    }

    /** Puts {@code term} into the slot, turning "a {}" into "an {}" where the term starts with a vowel sound. */
    static String fill(String template, String term) {
        Matcher m = ARTICLE_BEFORE_SLOT.matcher(template);
        String withArticle = m.replaceAll(r -> {
            String article = startsWithVowelSound(term) ? "an" : "a";
            return Matcher.quoteReplacement((r.group(1).equals("A") ? "A" + article.substring(1) : article) + " {}");
        });
        return withArticle.replace("{}", term);
    }

    /**
     * Spelling heuristic for English articles: initialisms by their first letter's name ("an LGBTQ", "an ADHD"),
     * words by their first vowel, except the "you"/"w" sounds of Uganda, Ukraine, Uruguay, Uyghur and Unitarian.
     */
    static boolean startsWithVowelSound(String term) {
        String word = term.split("[\\s-]")[0];
        if (word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return "AEFHILMNORSX".indexOf(word.charAt(0)) >= 0;
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String yoo : List.of("eu", "ug", "uk", "uru", "uy", "uni")) {
            if (lower.startsWith(yoo)) {
                return false;
            }
        }
        return "aeiou".indexOf(lower.charAt(0)) >= 0;
    }
}
