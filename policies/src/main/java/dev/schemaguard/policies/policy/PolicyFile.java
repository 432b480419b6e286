package dev.schemaguard.policies.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One policy file.
 *
 * @param level where it stands in the precedence: organisation, then team, then repository. Every file's rules apply
 *              and the strictest decision wins, so a lower level can only tighten; a role defined at a higher level
 *              cannot be redefined (or joined) by a lower one.
 * @param roles role name → members: OS or token user names, or {@code group:NAME} for a Unix group
 */
public record PolicyFile(
        Path path, Level level, Map<String, List<String>> roles, List<Scope> scopes, List<RoleUse> roleUses) {

    /** A role named at {@code at} (file:line, key), to be defined in this file or another of the set. */
    public record RoleUse(String role, String at, String key) {}

    public enum Level {
        ORGANISATION,
        TEAM,
        REPOSITORY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
