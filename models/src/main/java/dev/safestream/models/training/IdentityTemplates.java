package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Neutral sentences that mention identity groups. Toxicity models trained on social-media data learn that identity
 * words co-occur with abuse and then flag "I am a gay man". Two disjoint template sets: {@link #training()} adds
 * neutral examples to the training data (to reduce that bias), {@link #evaluation()} measures the false-positive rate
 * on sentences the model never saw.
 */
final class IdentityTemplates {
    static final List<String> IDENTITIES = List.of(
            "gay",
            "lesbian",
            "bisexual",
            "transgender",
            "trans",
            "queer",
            "straight",
            "Muslim",
            "Jewish",
            "Christian",
            "Hindu",
            "Sikh",
            "Buddhist",
            "atheist",
            "Black",
            "white",
            "Asian",
            "Latino",
            "Mexican",
            "African",
            "Arab",
            "immigrant",
            "refugee",
            "disabled",
            "deaf",
            "blind",
            "feminist",
            "Indian",
            "Chinese",
            "old",
            "young");

    private static final List<String> TRAINING = List.of(
            "{x} people deserve respect",
            "I met a {x} woman at work today",
            "is anyone else here {x}?",
            "my {x} friend recommended this channel",
            "hello from a {x} viewer",
            "being {x} is part of who I am",
            "my {x} coworker makes great coffee");

    private static final List<String> EVALUATION = List.of(
            "I am a {x} man",
            "I am a {x} woman",
            "my {x} neighbour helped me move",
            "I'm proud to be {x}",
            "as a {x} person I love this stream",
            "my best friend is {x}",
            "the {x} community organised a charity run",
            "she is {x} and a great streamer",
            "there are many {x} families in my city",
            "we had dinner with a {x} family");

    private IdentityTemplates() {}

    static List<Example> training() {
        List<Example> out = new ArrayList<>();
        for (String sentence : fill(TRAINING)) {
            out.add(DataSets.example(
                    sentence,
                    "identity_augment",
                    Map.of(Heads.TOXIC, false, Heads.OFFENSIVE, false, Heads.HATE, false)));
        }
        return out;
    }

    static List<String> evaluation() {
        return fill(EVALUATION);
    }

    private static List<String> fill(List<String> templates) {
        List<String> out = new ArrayList<>();
        for (String template : templates) {
            for (String identity : IDENTITIES) {
                out.add(template.replace("{x}", identity));
            }
        }
        return out;
    }
}
