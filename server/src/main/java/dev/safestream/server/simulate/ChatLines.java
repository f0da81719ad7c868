package dev.safestream.server.simulate;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What simulated viewers say: friendly chatter, questions, emoji reactions, and (a share set by {@code toxicRatio}) rude
 * lines, half of them obfuscated the way people dodge word filters. Templates are filled with other viewers' names
 * and varied (case, stretched letters, emoji) so the same line rarely repeats and duplicate filters stay quiet.
 *
 * <p>Not thread-safe: the random generator is shared; the audience calls it from its one scheduler thread.
 */
final class ChatLines {
    /** One line and whether it was meant to be rude (for the summary; moderation decides for itself). */
    record Line(String text, boolean rude) {}

    private static final List<String> FRIENDLY = List.of(
            "hi everyone!",
            "hello from {place}!",
            "first time here 👋",
            "good evening chat",
            "gm gm",
            "this song is a vibe",
            "that was a clean play",
            "chat is so wholesome today",
            "been here since the start lol",
            "{user} you're right about that",
            "audio is a bit low on my side",
            "I'm trying this tonight for sure",
            "can't believe that worked",
            "just got home, what did I miss?",
            "{user} welcome back!",
            "that's actually genius",
            "love the new overlay",
            "the vibes today are immaculate",
            "ok that was smooth",
            "watching from {place}, hi!",
            "brb getting snacks",
            "ngl this is my favourite stream",
            "hydrate everyone 💧",
            "thanks for the tips yesterday, it worked");
    private static final List<String> QUESTIONS = List.of(
            "what game is next?",
            "how long have you been live today?",
            "can you show the setup?",
            "what keyboard is that?",
            "{user} did you see that??",
            "any plans for the weekend stream?",
            "is there a replay of yesterday?",
            "what's the song called?",
            "how do you stay so calm lol",
            "who's your favourite character?");
    private static final List<String> REACTIONS = List.of(
            "LOL",
            "😂😂😂",
            "❤️❤️",
            "🔥🔥🔥",
            "W",
            "lets gooo",
            "no way!!",
            "clip it!",
            "POG",
            "GG",
            "👏👏",
            "hahaha",
            "omg",
            "sheesh",
            "🙌");
    private static final List<String> RUDE = List.of(
            "you are an idiot",
            "this streamer is trash",
            "shut up {user}",
            "nobody cares loser",
            "{user} is so dumb lol",
            "what a moron",
            "stfu {user}",
            "go die",
            "kys",
            "you're pathetic, uninstall",
            "worst stream ever, you suck",
            "{user} you stupid clown");
    private static final List<String> OBFUSCATED = List.of(
            "y0u are an 1d10t",
            "k y s",
            "s.t.f.u {user}",
            "ur a l0s3r lol",
            "id1ot streamer",
            "sh*t stream",
            "you are a m0r0n",
            "g0 d1e {user}",
            "st*pid clown",
            "y o u  s u c k");
    private static final List<String> PLACES =
            List.of("Berlin", "Lagos", "São Paulo", "Osaka", "Toronto", "Lyon", "Pune", "Melbourne", "Oslo", "Austin");
    private static final List<String> EMOJI = List.of(" 😂", " 🔥", " ❤️", " 👀", " 😅", " 🙏", " ✨");

    private final RandomGenerator random;
    private final double toxicRatio;

    /** @param toxicRatio share of rude lines, 0..1 */
    ChatLines(RandomGenerator random, double toxicRatio) {
        if (toxicRatio < 0 || toxicRatio > 1) {
            throw new IllegalArgumentException("toxic ratio must be between 0 and 1");
        }
        this.random = random;
        this.toxicRatio = toxicRatio;
    }

    /** A line for a viewer to say; {@code others} supplies names to mention (may be empty). */
    Line next(List<String> others) {
        if (random.nextDouble() < toxicRatio) {
            List<String> pool = random.nextBoolean() ? RUDE : OBFUSCATED;
            return new Line(fill(pick(pool), others), true);
        }
        double kind = random.nextDouble();
        String template = kind < 0.55 ? pick(FRIENDLY) : kind < 0.75 ? pick(QUESTIONS) : pick(REACTIONS);
        return new Line(vary(fill(template, others)), false);
    }

    private String fill(String template, List<String> others) {
        String user = others.isEmpty() ? "chat" : others.get(random.nextInt(others.size()));
        return template.replace("{user}", user).replace("{place}", pick(PLACES));
    }

    /** Small human touches: lower case, stretched letters, a trailing emoji. */
    private String vary(String text) {
        double roll = random.nextDouble();
        if (roll < 0.2) {
            text = text.toLowerCase(Locale.ROOT);
        } else if (roll < 0.3) {
            text = stretchLastVowel(text);
        }
        if (random.nextDouble() < 0.25) {
            text = text + pick(EMOJI);
        }
        return text;
    }

    private String stretchLastVowel(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if ("aeiou".indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i + 1)
                        + String.valueOf(text.charAt(i)).repeat(2 + random.nextInt(3))
                        + text.substring(i + 1);
            }
        }
        return text;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
