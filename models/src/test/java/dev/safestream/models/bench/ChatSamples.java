package dev.safestream.models.bench;

import java.util.ArrayList;
import java.util.List;

/** Chat-like messages for benchmarks: mostly ordinary, some rude, some obfuscated, mixed lengths. */
final class ChatSamples {
    private static final List<String> LINES = List.of(
            "hi chat!",
            "lol that was so close",
            "what game is this?",
            "gg wp",
            "can you play the song from yesterday again",
            "first time here, love the vibe",
            "that boss fight was insane, how many tries did it take you?",
            "omg the cat just walked across the keyboard",
            "you are an idiot",
            "shut up nobody asked you",
            "this streamer is trash lmao",
            "u r s0 stup1d",
            "go back to your country",
            "I'm going to find you and hurt you",
            "nice shot!!!",
            "anyone else lagging?",
            "the new patch notes are out, they nerfed the sniper again",
            "f*** this game honestly",
            "hello from Brazil",
            "what are your settings for the mouse sensitivity, it looks really smooth on stream",
            "pog",
            "why is everyone so toxic today, chill",
            "you should kill yourself",
            "thanks for the raid!");

    private ChatSamples() {}

    static List<String> batch(int size) {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(LINES.get(i % LINES.size()));
        }
        return out;
    }
}
