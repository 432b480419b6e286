package dev.schemaguard.policies.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Who is acting: a person approving, or the requester of a migration.
 *
 * @param name   the user name (OS user for the CLI and stdio server, the token's subject over HTTP)
 * @param groups Unix groups (for {@code group:NAME} role members)
 * @param via    how the identity was established: "os-user", "token", …
 */
public record Identity(String name, Set<String> groups, String via) {

    /** How an approver who proved their presence with a registered passkey on the approval page is identified. */
    public static final String PASSKEY = "passkey";

    /** The user running this process, with their Unix groups (from {@code id -Gn}). */
    public static Identity osUser() {
        String name = System.getProperty("user.name");
        return new Identity(name, unixGroups(name), "os-user");
    }

    private static Set<String> unixGroups(String user) {
        try {
            Process p = new ProcessBuilder("id", "-Gn", user)
                    .redirectErrorStream(false)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return p.exitValue() == 0
                    ? Arrays.stream(out.split("\\s+")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet())
                    : Set.of();
        } catch (IOException | RuntimeException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** Whether this identity is one of a role's members ({@code alice}, or {@code group:dba}). */
    public boolean isMember(java.util.List<String> members) {
        for (String m : members) {
            if (m.startsWith("group:") ? groups.contains(m.substring("group:".length())) : m.equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + " (" + via + ")";
    }
}
