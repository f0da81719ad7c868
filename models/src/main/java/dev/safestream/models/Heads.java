package dev.safestream.models;

import java.util.List;

/**
 * The labels the models predict, in output order. {@code toxic} is the overall score; the others are categories, each
 * learned only from the sources that label it.
 */
public final class Heads {
    public static final String TOXIC = "toxic";
    public static final String OFFENSIVE = "offensive";
    public static final String HATE = "hate";
    public static final String INSULT = "insult";
    public static final String OBSCENE = "obscene";
    public static final String THREAT = "threat";

    public static final List<String> ALL = List.of(TOXIC, OFFENSIVE, HATE, INSULT, OBSCENE, THREAT);

    private Heads() {}

    public static int index(String head) {
        int i = ALL.indexOf(head);
        if (i < 0) {
            throw new IllegalArgumentException("Unknown head: " + head);
        }
        return i;
    }
}
