package dev.safestream.server.auth;

/** Where account and channel administration is recorded: the audit log, next to the moderators' actions. */
@FunctionalInterface
public interface AuditTrail {
    /** The audit log's "channel" for site-wide actions (accounts, roles); no channel can have this name. */
    String SITE = "_site";

    void record(String channel, String actor, String action, String target, String detail);
}
