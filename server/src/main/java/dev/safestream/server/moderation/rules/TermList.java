package dev.safestream.server.moderation.rules;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.settings.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's term list compiled for matching. Words and phrases are matched on normalised tokens
 * ({@link MessageText#tokens()}), so "1d10t" and "i.d.i.o.t" match {@code idiot}; {@code /regex/} entries are tried on
 * the raw text and on the normalised text. Immutable and thread-safe.
 *
 * <p>Cost: words and phrases are O(tokens × terms); a regex runs under a step budget ({@link BudgetedText}) so a
 * pathological pattern cannot stall the pipeline thread: when it runs out the entry counts as not matching.
 */
public final class TermList {
    private final List<Entry> entries;

    private TermList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static TermList compile(List<String> terms, TextNormalizer normalizer) {
        List<Entry> entries = new ArrayList<>(terms.size());
        for (String term : terms) {
            String t = term.strip();
            if (Terms.isRegex(t)) {
                entries.add(new RegexEntry(
                        t,
                        Pattern.compile(
                                t.substring(1, t.length() - 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            } else {
                List<WordPhrase.WordPattern> words = new ArrayList<>();
                for (String word : t.split("\\s+")) {
                    WordPhrase.WordPattern pattern = WordPhrase.WordPattern.of(word, normalizer);
                    if (!pattern.core().isEmpty()) {
                        words.add(pattern);
                    }
                }
                if (!words.isEmpty()) {
                    entries.add(new WordsEntry(t.toLowerCase(Locale.ROOT), new WordPhrase(words)));
                }
            }
        }
        return new TermList(entries);
    }

    public static TermList empty() {
        return new TermList(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A matched entry: the term as configured and the text it matched. */
    public record Match(String term, String matched, boolean regex) {}

    /** The first entry, in list order, that matches the text. */
    public Optional<Match> find(MessageText text) {
        for (Entry entry : entries) {
            Optional<Match> match = entry.find(text);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Whether one normalised token matches a single-word entry (how allowed terms are applied). */
    public boolean matchesToken(String token) {
        for (Entry entry : entries) {
            if (entry instanceof WordsEntry w
                    && w.phrase().words().size() == 1
                    && w.phrase().words().get(0).matches(token)) {
                return true;
            }
        }
        return false;
    }

    private sealed interface Entry permits WordsEntry, RegexEntry {
        Optional<Match> find(MessageText text);
    }

    private record WordsEntry(String term, WordPhrase phrase) implements Entry {
        @Override
        public Optional<Match> find(MessageText text) {
            List<String> tokens = text.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                int end = phrase.matchEnd(tokens, i);
                if (end > i) {
                    return Optional.of(new Match(term, String.join(" ", tokens.subList(i, end)), false));
                }
            }
            return Optional.empty();
        }
    }

    private record RegexEntry(String term, Pattern pattern) implements Entry {
        @Override
        public Optional<Match> find(MessageText text) {
            Optional<Match> raw = find(text.raw());
            return raw.isPresent() ? raw : find(text.normalised());
        }

        private Optional<Match> find(String text) {
            try {
                Matcher m = pattern.matcher(new BudgetedText(text, BudgetedText.DEFAULT_STEPS));
                return m.find()
                        ? Optional.of(new Match(term, text.substring(m.start(), m.end()), true))
                        : Optional.empty();
            } catch (BudgetedText.Exhausted e) {
                return Optional.empty();
            }
        }
    }
}
