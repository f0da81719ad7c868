package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A channel with its owner and moderators.
 *
 * @param name the channel
 * @param owner its owner, or {@code null} (the admins')
 * @param moderators its moderators
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChannelInfo(String name, String owner, List<String> moderators) {
    public ChannelInfo {
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
    }
}
