package dev.safestream.server.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Account roles, from least to most privileged. What each may do is {@link #permissions()}. */
public enum Role {
    /** Anonymous watcher with a short-lived token from {@code POST /auth/guest}. */
    GUEST(EnumSet.of(Permission.WATCH)),
    /** A registered account: watches, chats and sends gifts in its own name (the browser viewer's gift tray). */
    VIEWER(EnumSet.of(Permission.WATCH, Permission.CHAT, Permission.SEND_GIFT)),
    /** Also relays gifts in other names ({@code from}), e.g. from another platform, and creates channels. */
    STREAMER(EnumSet.of(
            Permission.WATCH,
            Permission.CHAT,
            Permission.SEND_GIFT,
            Permission.GIFT_ON_BEHALF,
            Permission.CREATE_CHANNEL)),
    /** A global moderator: moderates every channel. */
    MODERATOR(EnumSet.of(Permission.WATCH, Permission.CHAT, Permission.SEND_GIFT, Permission.MODERATE)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Lower-case name used in tokens, JSON and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A role an account may be given (viewer, streamer, moderator, admin) by its wire name. */
    public static Role assignable(String name) {
        try {
            Role role = fromWireName(name.strip());
            if (role != GUEST) {
                return role;
            }
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("role must be one of viewer, streamer, moderator, admin");
    }
}
