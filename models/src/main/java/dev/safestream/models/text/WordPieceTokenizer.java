package dev.safestream.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT uncased WordPiece tokenizer, as described by a Hugging Face {@code tokenizer.json} with a
 * {@code BertNormalizer} (clean text, CJK spacing, lower case, strip accents), a {@code BertPreTokenizer} (split on
 * whitespace and punctuation) and a {@code WordPiece} model with {@code [CLS] … [SEP]} around each sequence.
 *
 * <p>Thread-safe and allocation-light; used on the moderation pipeline thread and by the training command.
 */
public final class WordPieceTokenizer {
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int unk;
    private final int cls;
    private final int sep;

    private WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.unk = id(vocab, "[UNK]");
        this.cls = id(vocab, "[CLS]");
        this.sep = id(vocab, "[SEP]");
    }

    /** Reads the vocabulary of a {@code tokenizer.json} whose model is WordPiece. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) {
        try {
            JsonNode model = new ObjectMapper().readTree(json).path("model");
            if (!"WordPiece".equals(model.path("type").asText())) {
                throw new IllegalArgumentException("tokenizer.json does not describe a WordPiece model");
            }
            Map<String, Integer> vocab = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                vocab.put(entry.getKey(), entry.getValue().asInt());
            }
            return new WordPieceTokenizer(Map.copyOf(vocab));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer.json", e);
        }
    }

    /** Token ids of {@code [CLS] text [SEP]}, truncated to {@code maxLength} ids in all. */
    public int[] encode(String text, int maxLength) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : preTokenize(normalize(text))) {
            if (ids.size() >= maxLength - 1) {
                break;
            }
            wordPiece(word, ids);
        }
        int length = Math.min(ids.size(), maxLength - 1);
        int[] out = new int[length + 1];
        for (int i = 0; i < length; i++) {
            out[i] = ids.get(i);
        }
        out[length] = sep;
        return out;
    }

    /** The word pieces of a text, for tests and explanations. */
    public List<String> pieces(String text) {
        Map<Integer, String> reverse = new HashMap<>();
        vocab.forEach((piece, id) -> reverse.put(id, piece));
        int[] ids = encode(text, Integer.MAX_VALUE);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < ids.length - 1; i++) {
            out.add(reverse.get(ids[i]));
        }
        return out;
    }

    private static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                cleaned.append(' ');
            } else if (isCjk(cp)) {
                cleaned.append(' ').appendCodePoint(cp).append(' ');
            } else {
                cleaned.appendCodePoint(cp);
            }
        });
        String lower = cleaned.toString().toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                stripped.appendCodePoint(cp);
            }
        });
        return stripped.toString();
    }

    private static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == ' ') {
                flush(current, words);
            } else if (isPunctuation(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        });
        flush(current, words);
        return words;
    }

    private void wordPiece(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unk);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String candidate = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(candidate);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.add(unk);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (!current.isEmpty()) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static int id(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("Vocabulary lacks " + token);
        }
        return id;
    }
}
