/**
 * Integrations' settings and wiring go here (issue 26): an {@code IntegrationOptions} mixin on {@code serve} and an
 * {@code IntegrationsArea} that {@code SafeStreamServer} starts after chat and stops before it, like the other areas.
 */
package dev.safestream.server.app.integrations;
