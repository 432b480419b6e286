package dev.schemaguard.sandbox;

import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.SandboxSettings;

import java.util.Map;

/** Sandboxes as scratch databases on a server a test started, so that the test can look at that server's backends. */
public final class ServerHostForTests {

    private ServerHostForTests() {}

    /** A server like the embedded sandboxes' own: its superuser is not named like any target's role. */
    public static EmbeddedPostgresServer startSandboxServer() {
        return EmbeddedPostgresServer.startForSandboxes(PostgresBinaries.forTarget(PostgresBinaries.DEFAULT_MAJOR));
    }

    public static Sandboxes sandboxesOn(EmbeddedPostgresServer server) {
        return new Sandboxes(new ServerHost(
                new SandboxSettings.Server(
                        server.jdbcUrl("postgres"), server.admin(), new PasswordSource.Generated(server.password())),
                Map.of()));
    }
}
