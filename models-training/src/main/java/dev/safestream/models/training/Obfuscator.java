package dev.safestream.models.training;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tricks users play on filters, applied to held-out texts to measure how far scores and rankings move. */
final class Obfuscator {
    private static final Map<Character, Character> LEET = Map.of('a', '4', 'e', '3', 'i', '1', 'o', '0', 's', '5');
    private static final Map<Character, Character> HOMOGLYPH =
            Map.of('a', 'а', 'e', 'е', 'o', 'о', 'c', 'с', 'p', 'р', 'x', 'х');

    /** Name of the trick that obfuscates half the words, each with one trick drawn at random. */
    static final String MIXED = "mixed: half the words, one trick each";

    record Trick(String name, BiFunction<String, Random, String> apply) {}

    static final List<Trick> TRICKS = List.of(
            new Trick("leetspeak", (t, r) -> mapChars(t, LEET, r, 0.6)),
            new Trick("homoglyphs", (t, r) -> mapChars(t, HOMOGLYPH, r, 0.6)),
            new Trick("zero-width", (t, r) -> insideWords(t, r, "\u200B")),
            new Trick("repeated letters", Obfuscator::stretch),
            new Trick("spaced letters", Obfuscator::spaceLongestWord),
            new Trick("upper case", (t, r) -> t.toUpperCase(java.util.Locale.ROOT)),
            new Trick(MIXED, Obfuscator::mixedWords));

    /** The character-level tricks {@link #mixedWords} draws from, applied to a single word. */
    private static final List<BiFunction<String, Random, String>> WORD_TRICKS = List.of(
            (w, r) -> mapChars(w, LEET, r, 0.6),
            (w, r) -> mapChars(w, HOMOGLYPH, r, 0.6),
            (w, r) -> insideWords(w, r, "\u200B"),
            Obfuscator::stretch,
            (w, r) -> String.join(" ", w.split("")));

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private Obfuscator() {}

    private static String mapChars(String text, Map<Character, Character> table, Random random, double p) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            Character m = table.get(c);
            b.append(m != null && random.nextDouble() < p ? m : c);
        }
        return b.toString();
    }

    private static String insideWords(String text, Random random, String insert) {
        StringBuilder b = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            b.append(text.charAt(i));
            if (i + 1 < text.length()
                    && Character.isLetter(text.charAt(i))
                    && Character.isLetter(text.charAt(i + 1))
                    && random.nextDouble() < 0.3) {
                b.append(insert);
            }
        }
        return b.toString();
    }

    private static String stretch(String text, Random random) {
        StringBuilder b = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            b.append(c);
            if ("aeiou".indexOf(c) >= 0 && random.nextDouble() < 0.3) {
                b.append(String.valueOf(c).repeat(2 + random.nextInt(3)));
            }
        }
        return b.toString();
    }

    /** Each word of three or more letters is, with probability one half, rewritten by one random word trick. */
    private static String mixedWords(String text, Random random) {
        Matcher m = WORD.matcher(text);
        StringBuilder b = new StringBuilder(text.length() * 2);
        while (m.find()) {
            String word = m.group();
            String replaced = random.nextBoolean()
                    ? WORD_TRICKS.get(random.nextInt(WORD_TRICKS.size())).apply(word, random)
                    : word;
            m.appendReplacement(b, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String spaceLongestWord(String text, Random random) {
        String longest = "";
        for (String word : text.split("\\s+")) {
            if (word.chars().allMatch(Character::isLetter) && word.length() > longest.length()) {
                longest = word;
            }
        }
        if (longest.length() < 3) {
            return text;
        }
        return text.replace(longest, String.join(" ", longest.split("")));
    }
}
