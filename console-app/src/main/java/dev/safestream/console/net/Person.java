package dev.safestream.console.net;

import java.util.List;

/**
 * An account as admins see it ({@code GET /api/admin/users}): site role, whether it is disabled, and the channels it
 * owns and moderates.
 */
public record Person(String username, String role, boolean disabled, List<String> owns, List<String> moderates) {
    public Person {
        owns = List.copyOf(owns);
        moderates = List.copyOf(moderates);
    }
}
