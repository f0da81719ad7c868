package dev.safestream.server.moderation.harm;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.moderation.rules.MessageText;
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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The curated rules for severe harm, run in front of every classifier: threats, self-harm incitement, doxxing and
 * identity hate are decided here, whatever the model thinks, and never reach viewers at the default level.
 *
 * <p>Rules are regular expressions over the message as normalised words ({@link #normalised}): case, homoglyphs,
 * leetspeak, separators, spaced-out letters and repeated letters are undone first, so "k.y.s", "kiiill urself" and
 * "1 w1ll k1ll u" match what is written plainly. Repeated letters in a rule are collapsed the same way, so rules are
 * written in plain spelling. A {@code raw} rule matches the message itself, lower-cased (e-mail addresses and phone
 * numbers are not words). An {@code unless} rule excuses a category's match where the context says it is no harm:
 * game banter for threats, counter-speech for hate.
 *
 * <p>The built-in list ships in the jar ({@code /moderation/harm-rules.txt}, whose header documents the format). An
 * operator's term list ({@code BLOCKED_TERMS_FILE}) adds its severe entries as phrases. Immutable and thread-safe;
 * the pipeline thread and HTTP workers share one.
 */
public final class HarmRules {
    private static final String BUILT_IN = "/moderation/harm-rules.txt";

    private final TextNormalizer normalizer;
    private final List<HarmRule> rules;
    private final List<HarmRule> exceptions;
    private final List<Phrase> phrases;

    private HarmRules(
            TextNormalizer normalizer, List<HarmRule> rules, List<HarmRule> exceptions, List<Phrase> phrases) {
        this.normalizer = normalizer;
        this.rules = List.copyOf(rules);
        this.exceptions = List.copyOf(exceptions);
        this.phrases = List.copyOf(phrases);
    }

    /** No rules: every message goes to the classifier. */
    public static HarmRules none(TextNormalizer normalizer) {
        return new HarmRules(normalizer, List.of(), List.of(), List.of());
    }

    /** The list shipped in the jar. */
    public static HarmRules builtIn(TextNormalizer normalizer) {
        try (InputStream in = HarmRules.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in harm rules are missing from the jar");
            }
            return parse(normalizer, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules in the built-in list's format. */
    public static HarmRules parse(TextNormalizer normalizer, Reader reader) throws IOException {
        HarmRuleParser parser = new HarmRuleParser();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            parser.line(line, ++number);
        }
        return new HarmRules(normalizer, parser.rules(), parser.exceptions(), List.of());
    }

    /**
     * These rules plus the severe entries of a term list ({@code term [score] [category]}, the blocked-terms format):
     * entries whose category is severe ({@code threat}, {@code self_harm}, {@code personal_info},
     * {@code identity_hate} or {@code identity_attack}) become phrases; the rest are the classifier's business.
     */
    public HarmRules plusTermList(Path file) {
        List<Phrase> added = new ArrayList<>(phrases);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                phrase(line).ifPresent(added::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the term list " + file, e);
        }
        return new HarmRules(normalizer, rules, exceptions, added);
    }

    private Optional<Phrase> phrase(String line) {
        String[] parts = line.replaceFirst("#.*", "").strip().split("\\s+");
        if (parts.length < 3 || !parts[parts.length - 2].matches("(0(\\.\\d+)?|1(\\.0+)?)")) {
            return Optional.empty();
        }
        HarmCategory category;
        try {
            category = HarmCategory.fromWireName(parts[parts.length - 1]);
        } catch (IllegalArgumentException notAHarmCategory) {
            return Optional.empty();
        }
        if (category.severity() != HarmCategory.Severity.SEVERE) {
            return Optional.empty();
        }
        List<WordPhrase.WordPattern> words = new ArrayList<>();
        for (int i = 0; i < parts.length - 2; i++) {
            WordPhrase.WordPattern word = WordPhrase.WordPattern.of(parts[i], normalizer);
            if (!word.core().isEmpty()) {
                words.add(word);
            }
        }
        String text =
                String.join(" ", List.of(parts).subList(0, parts.length - 2)).toLowerCase(Locale.ROOT);
        return words.isEmpty() ? Optional.empty() : Optional.of(new Phrase(category, text, new WordPhrase(words)));
    }

    public int size() {
        return rules.size() + phrases.size();
    }

    /** The first rule, in list order, that matches the text and is not excused by its context. */
    public Optional<HarmMatch> find(String text) {
        return find(new MessageText(text, normalizer));
    }

    /**
     * As {@link #find(String)}, on the pipeline's per-message text, whose normalised tokens every other rule shares
     * (the pipeline's normaliser is the same stateless {@link TextNormalizer}).
     */
    public Optional<HarmMatch> find(MessageText message) {
        if (rules.isEmpty() && phrases.isEmpty()) {
            return Optional.empty();
        }
        String text = message.raw();
        List<String> tokens = message.tokens();
        String words = " " + message.normalised() + " ";
        String raw = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (HarmRule rule : rules) {
            Optional<int[]> at = rule.find(rule.raw() ? raw : words);
            if (at.isPresent() && !excused(rule.category(), words)) {
                int[] span = at.get();
                String matched = rule.raw()
                        ? raw.substring(span[0], span[1]).strip()
                        : shown(text, tokens, tokenAt(words, span[0]), tokenAt(words, span[1] - 1) + 1);
                return Optional.of(new HarmMatch(rule.category(), rule.source(), matched));
            }
        }
        for (Phrase phrase : phrases) {
            for (int i = 0; i < tokens.size(); i++) {
                int end = phrase.words().matchEnd(tokens, i);
                if (end > i && !excused(phrase.category(), words)) {
                    return Optional.of(new HarmMatch(phrase.category(), phrase.text(), shown(text, tokens, i, end)));
                }
            }
        }
        return Optional.empty();
    }

    /** The index of the token that the character at {@code offset} of the space-joined words belongs to. */
    private static int tokenAt(String words, int offset) {
        int spaces = 0;
        for (int i = 1; i <= offset && i < words.length(); i++) {
            if (words.charAt(i) == ' ' && i < offset) {
                spaces++;
            }
        }
        return spaces;
    }

    /**
     * Tokens {@code from} to {@code to} as moderators should read them: folded but with their letters as written
     * ("kill yourself", not the collapsed "kil yourself"), where the light form splits into the same tokens.
     */
    private String shown(String text, List<String> tokens, int from, int to) {
        int start = Math.max(0, Math.min(from, tokens.size()));
        int end = Math.max(start, Math.min(to, tokens.size()));
        List<String> light = List.of(normalizer.forEncoder(text).split("[^\\p{L}\\p{N}]+", -1)).stream()
                .filter(t -> !t.isEmpty())
                .toList();
        List<String> source = light.size() == tokens.size() ? light : tokens;
        return String.join(" ", source.subList(start, end));
    }

    private boolean excused(HarmCategory category, String words) {
        for (HarmRule exception : exceptions) {
            if (exception.category() == category && exception.find(words).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A phrase from an operator's term list. */
    private record Phrase(HarmCategory category, String text, WordPhrase words) {}
}
