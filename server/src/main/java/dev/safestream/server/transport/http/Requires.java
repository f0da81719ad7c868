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
}
