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
            "my {x} coworker makes great coffee",
            "hi chat, {x} gamer here",
            "I'm a {x} guy and I love this game",
            "as a {x} girl this stream makes my day",
            "{x} and proud",
            "my {x} brother watches every stream",
            "this chat is friendly to {x} folks",
            "greetings from a {x} teacher",
            "our {x} streamer is the best",
            "a {x} person won the tournament",
            "{x} creators deserve more viewers");

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

    static final String SOURCE = "identity_augment";

    /** @param weight loss weight of each sentence (they are few next to tens of thousands of tweets) */
    static List<Example> training(float weight) {
        List<Example> out = new ArrayList<>();
        for (String sentence : fill(TRAINING)) {
            out.add(DataSets.example(
                            sentence, SOURCE, Map.of(Heads.TOXIC, false, Heads.OFFENSIVE, false, Heads.HATE, false))
                    .withWeight(weight));
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
                String article = "aeiouAEIOU".indexOf(identity.charAt(0)) >= 0 ? "an " : "a ";
                out.add(template.replace("a {x}", article + "{x}").replace("{x}", identity));
            }
        }
        return out;
    }
}
