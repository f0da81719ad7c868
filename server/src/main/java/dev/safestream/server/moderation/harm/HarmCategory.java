package dev.safestream.server.moderation.harm;

import java.util.Locale;

/**
 * What a message may do harm by, with how severe it is. The severe ones are decided by curated rules in front of
 * every classifier ({@link HarmRules}); the others are left to the model and the channel's thresholds.
 */
public enum HarmCategory {
    /** A threat to a person or a group. */
    THREAT(Severity.SEVERE),
    /** Inciting someone to harm themselves: "kys", "kill yourself", "nobody would miss you". */
    SELF_HARM(Severity.SEVERE),
    /** Doxxing: street addresses, phone numbers, e-mail addresses, "I know where you live". */
    PERSONAL_INFO(Severity.SEVERE),
    /** Slurs, dehumanising a group, calls to exclude it. */
    IDENTITY_HATE(Severity.SEVERE),
    INSULT(Severity.MODERATE),
    SEXUAL(Severity.MODERATE),
    PROFANITY(Severity.MILD);

    /** How much harm a category does; a channel's level decides what happens at each. */
    public enum Severity {
        SEVERE,
        MODERATE,
        MILD
    }

    private final Severity severity;

    HarmCategory(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The lower-case name used in rule files, explanations and category maps ({@code self_harm}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of a wire name; {@code identity_attack}, the older name in term lists, is identity hate. */
    public static HarmCategory fromWireName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.equals("identity_attack")) {
            return IDENTITY_HATE;
        }
        for (HarmCategory c : values()) {
            if (c.wireName().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown harm category '" + name + "'");
    }
}
