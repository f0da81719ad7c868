package dev.safestream.models.text;

import java.util.regex.Pattern;

/**
 * Removes what differs between the training sources and chat but says nothing about toxicity: user handles become
 * {@code user}, links become {@code url}, HTML entities are decoded and retweet prefixes dropped. Applied before
 * every model, in training and in serving alike.
 */
public final class ChatText {
    private static final Pattern RETWEET = Pattern.compile("(^|\\s)RT\\s+@\\w+:?");
    private static final Pattern MENTION = Pattern.compile("@\\w+");
    private static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ChatText() {}

    public static String canonical(String text) {
        String s = text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
        s = RETWEET.matcher(s).replaceAll(" ");
        s = LINK.matcher(s).replaceAll("url");
        s = MENTION.matcher(s).replaceAll("user");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
