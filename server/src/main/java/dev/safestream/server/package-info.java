/** SafeStream server. See ARCHITECTURE.md for the code map. */
package dev.safestream.server;
