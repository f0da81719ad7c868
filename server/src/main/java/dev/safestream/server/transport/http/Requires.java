package dev.safestream.server.transport.http;

import dev.safestream.server.auth.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs. {@link PermissionFilter} enforces it through the
 * {@link dev.safestream.server.auth.Authorizer} before the method runs; methods without it are public.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();

    /**
     * Where the permission is needed: {@link Scope#SITE}, the caller's site role; {@link Scope#SOME_CHANNEL}, in at
     * least one channel (channel owners and moderators pass), and the method then checks the channel it acts on.
     */
    Scope scope() default Scope.SITE;

    enum Scope {
        SITE,
        SOME_CHANNEL
    }
}
