/**
 * Live video's settings and wiring go here (issue 25): a {@code VideoOptions} mixin on {@code serve} and a
 * {@code VideoArea} that {@code SafeStreamServer} starts after chat and stops before it, like the other areas.
 */
package dev.safestream.server.app.video;
