/**
 * The REST API's request and response bodies (snake_case JSON, timestamps ISO-8601), shared by the server's
 * resources, the moderator console's client and the OpenAPI document. Each body has a golden fixture in
 * {@code dev/safestream/protocol/rest/} (this jar's resources) that tests pin to its record and the OpenAPI document
 * shows as its example.
 */
package dev.safestream.protocol.rest;
