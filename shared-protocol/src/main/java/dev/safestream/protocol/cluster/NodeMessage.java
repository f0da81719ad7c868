package dev.safestream.protocol.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one node of a cluster tells the others, on the shared Redis channel {@code safestream:events}. The {@code kind}
 * field names the record; {@link #node()} is the sender, so a node can tell its own messages (Redis echoes them) from
 * the others'. Nodes ignore kinds and fields they do not know, so a cluster can be upgraded one node at a time; change
 * a field only together with a fixture in {@code golden/cluster} and a note in the release notes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EventRelayed.class, name = "event"),
    @JsonSubTypes.Type(value = CloseRequested.class, name = "close"),
    @JsonSubTypes.Type(value = SanctionChanged.class, name = "sanction"),
    @JsonSubTypes.Type(value = StateChanged.class, name = "changed")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface NodeMessage permits EventRelayed, CloseRequested, SanctionChanged, StateChanged {
    /** The node that sent it (NODE_ID). */
    String node();
}
