package dev.safestream.models.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Undoes the usual tricks used to slip words past a filter, so that "Ｆ.U.u.u.C.K", "fսck" (Armenian u), "f\u200Buck"
 * and "phuk" variants written with leetspeak ("1d10t") all reach the matcher in one canonical form.
 *
 * <p>Steps, in order: NFKC (full-width and compatibility forms), drop zero-width and soft-hyphen characters, strip
 * diacritics, lower-case, map common homoglyphs (Cyrillic, Greek, Armenian look-alikes) and leetspeak digits/symbols
 * to letters, split into word tokens, join runs of single letters ("i d i o t", "i.d.i.o.t"), and collapse repeated
 * letters ("idiooot" → "idiot"). Terms are normalised the same way, so collapsing is symmetric.
 */
public final class TextNormalizer {
    private static final Map<Character, Character> HOMOGLYPHS = table(
            "авсеһіјкмнорѕтухԁԛԝ" + "αβεηικνορτυχ" + "սօ", // Cyrillic, Greek, Armenian
            "abcehijkmhopstyxdqw" + "abenikvoptux" + "uo");
    private static final Map<Character, Character> LEET = table("0134578@$!|+", "oieastbasiit");

    /** Normalises text into canonical word tokens. */
    public List<String> tokens(String text) {
        String folded = fold(text);
        List<String> raw = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if (!current.isEmpty()) {
                raw.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            raw.add(current.toString());
        }
        return collapse(joinSingles(raw));
    }

    /**
     * Light normalisation for a subword encoder: the same folding as {@link #tokens} (compatibility forms, zero-width
     * characters, diacritics, case, homoglyphs, leetspeak inside words) and runs of three or more equal letters cut to
     * one ("sooo" → "so"), and runs of three or more single letters joined ("i d i o t", "i.d.i.o.t" → "idiot", as
     * {@link #tokens} joins them), but punctuation, spacing and ordinary double letters kept, since the encoder's
     * vocabulary knows them.
     */
    public String forEncoder(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            int j = i;
            while (j < folded.length() && folded.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            out.append(c);
            if (run == 2 || (run > 2 && !Character.isLetter(c))) {
                out.append(folded, i + 1, j);
            }
            i = j;
        }
        return joinSpacedLetters(out.toString());
    }

    /** Three or more single letters, all separated by the same space or dot. */
    private static final java.util.regex.Pattern SPACED_LETTERS =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}([ .])\\p{L}(?:\\1\\p{L})+(?![\\p{L}\\p{N}])");

    private static String joinSpacedLetters(String text) {
        return SPACED_LETTERS
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        m.group().replace(" ", "").replace(".", "")));
    }

    /** Normalises one word of a term the same way message tokens are (without splitting or joining). */
    public String word(String word) {
        StringBuilder kept = new StringBuilder();
        for (char c : fold(word).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        return collapse(List.of(kept.toString())).get(0);
    }

    private static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.FORMAT || c == '\u00AD') {
                continue; // diacritics, zero-width joiners/spaces, soft hyphens
            }
            char lower = Character.toLowerCase(c);
            out.append(HOMOGLYPHS.getOrDefault(lower, lower));
        }
        return leet(out.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Leetspeak digits and symbols become letters only inside words: a symbol when a letter or digit follows it
     * ("@ss", "fr!end" but not "friend!"), a digit when a letter is next to it ("1d10t" but not "5 apples").
     */
    private static String leet(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character letter = LEET.get(c);
            if (letter == null) {
                out.append(c);
                continue;
            }
            boolean inWord =
                    Character.isDigit(c) ? letterAt(text, i - 1) || letterAt(text, i + 1) : wordAt(text, i + 1);
            out.append(inWord ? letter : c);
        }
        return out.toString();
    }

    private static boolean letterAt(String text, int i) {
        return i >= 0 && i < text.length() && Character.isLetter(text.charAt(i));
    }

    private static boolean wordAt(String text, int i) {
        return i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    }

    /** "i d i o t" → "idiot": three or more single-character tokens in a row were one word. */
    private static List<String> joinSingles(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1) {
                j++;
            }
            if (j - i >= 3) {
                out.add(String.join("", tokens.subList(i, j)));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static List<String> collapse(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            StringBuilder b = new StringBuilder(token.length());
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (b.isEmpty() || b.charAt(b.length() - 1) != c) {
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static Map<Character, Character> table(String from, String to) {
        Map<Character, Character> map = new HashMap<>();
        for (int i = 0; i < from.length(); i++) {
            map.put(from.charAt(i), to.charAt(i));
        }
        return Map.copyOf(map);
    }
}
