package dev.safestream.console.net;

import dev.safestream.protocol.rest.Account;
import dev.safestream.protocol.rest.ReviewItem;
import dev.safestream.protocol.rest.UserActionResult;

/** The console's views of the REST records (shared-protocol's {@code dev.safestream.protocol.rest}). */
final class RestViews {
    private RestViews() {}

    /** One line for the moderator: {@code muted alice until 2026-06-26T12:01:00Z}. */
    static String summary(UserAction action, UserActionResult r) {
        String line = (r.status() == null ? action.kind().path() : r.status()) + " " + action.username();
        if (r.mutedUntil() != null) {
            line += " until " + r.mutedUntil();
        }
        if (Boolean.FALSE.equals(r.wasMuted())) {
            line += " (was not muted)";
        }
        if (Boolean.FALSE.equals(r.wasBanned())) {
            line += " (was not banned)";
        }
        if (r.connectionsClosed() != null) {
            line += " (" + r.connectionsClosed() + " connections closed)";
        }
        return line;
    }

    static QueueItem queueItem(ReviewItem item) {
        return new QueueItem(
                item.messageId(),
                item.channel(),
                item.user(),
                item.text(),
                item.score(),
                item.categories(),
                item.explanation(),
                item.ts(),
                item.state(),
                item.decisions().stream()
                        .map(d -> new QueueItem.Decision(d.moderator(), d.decision(), d.reason(), d.ts()))
                        .toList());
    }

    static Person person(Account a) {
        return new Person(a.username(), a.role(), a.disabled(), a.owns(), a.moderates());
    }

    static AuditRecord auditRecord(dev.safestream.protocol.rest.AuditRecord r) {
        return new AuditRecord(r.channel(), r.actor(), r.action(), r.target(), r.reason(), r.durationSeconds(), r.at());
    }
}
