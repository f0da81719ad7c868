package dev.safestream.server.auth;

import java.util.Optional;

/** Account storage. Implemented by the persistence package; usernames compare case-insensitively. */
public interface UserRepository {
    /** @return false when the username is already taken */
    boolean insert(UserAccount account);

    Optional<UserAccount> find(String username);

    boolean anyWithRole(Role role);

    void updateRole(String username, Role role);
}
