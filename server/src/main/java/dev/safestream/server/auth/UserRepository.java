package dev.safestream.server.auth;

import java.util.List;
import java.util.Optional;

/**
 * Account storage. Implemented by the persistence package; usernames compare case-insensitively. Every change of
 * role, password or disabled state bumps the account's token version, so tokens issued before it stop verifying.
 */
public interface UserRepository {
    /** @return false when the username is already taken */
    boolean insert(UserAccount account);

    Optional<UserAccount> find(String username);

    boolean anyWithRole(Role role);

    /** @return whether the account exists */
    boolean updateRole(String username, Role role);

    /** @return whether the account exists */
    boolean updatePassword(String username, String passwordHash, boolean mustChange);

    /** @return whether the account exists */
    boolean setDisabled(String username, boolean disabled);

    /**
     * Deletes the account and replaces its name with {@code replacement} wherever it is kept for the record
     * (messages, gifts, the audit log); its sanctions and channel roles go, channels it owned pass to the admins.
     *
     * @return whether the account existed
     */
    boolean delete(String username, String replacement);

    /** Accounts whose name contains {@code query} (any when blank), optionally of one role, by name. */
    List<UserAccount> search(String query, Role role, int offset, int limit);

    int count(String query, Role role);
}
