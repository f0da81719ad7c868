package dev.safestream.server.moderation.harm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the harm rule format line by line (see the header of {@code /moderation/harm-rules.txt}):
 *
 * <pre>
 * # a comment
 * &#64;NAME   fragment        a named piece of expression, used later as {NAME}
 * threat  expression      a rule on the normalised words
 * personal_info raw expression   a rule on the raw text, lower-cased
 * unless threat expression       excuses a threat match when this matches the normalised words
 * </pre>
 */
final class HarmRuleParser {
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z_]+)\\}");

    private final Map<String, String> fragments = new HashMap<>();
    private final List<HarmRule> rules = new ArrayList<>();
    private final List<HarmRule> exceptions = new ArrayList<>();

    void line(String line, int number) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return;
        }
        String[] head = content.split("\\s+", 2);
        if (head.length < 2) {
            throw new IllegalArgumentException("line " + number + ": a rule needs a category and an expression");
        }
        if (head[0].startsWith("@")) {
            fragments.put(head[0].substring(1), expand(head[1], number));
            return;
        }
        boolean exception = head[0].equals("unless");
        String[] rest = exception ? head[1].split("\\s+", 2) : head;
        if (rest.length < 2) {
            throw new IllegalArgumentException("line " + number + ": 'unless' needs a category and an expression");
        }
        HarmCategory category = HarmCategory.fromWireName(rest[0]);
        String expression = rest[1];
        boolean raw = expression.startsWith("raw ");
        if (raw) {
            expression = expression.substring(4).strip();
        }
        String expanded = expand(expression, number);
        HarmRule rule = new HarmRule(category, expression, compile(raw ? expanded : collapse(expanded), number), raw);
        (exception ? exceptions : rules).add(rule);
    }

    List<HarmRule> rules() {
        return rules;
    }

    List<HarmRule> exceptions() {
        return exceptions;
    }

    private String expand(String expression, int number) {
        Matcher m = REFERENCE.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fragment = fragments.get(m.group(1));
            if (fragment == null) {
                throw new IllegalArgumentException("line " + number + ": unknown fragment {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fragment));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Repeated letters collapsed as the normaliser collapses them in text ("kill" → "kil"), so rules are written in
     * plain spelling; escapes ({@code \b}, {@code \d}) are left alone.
     */
    static String collapse(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            boolean escaped = i > 0 && expression.charAt(i - 1) == '\\';
            boolean repeat = !out.isEmpty()
                    && Character.isLetter(c)
                    && out.charAt(out.length() - 1) == c
                    && !(i >= 2 && expression.charAt(i - 2) == '\\');
            if (!escaped && repeat) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Pattern compile(String expression, int number) {
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getDescription(), e);
        }
    }
}
