package dev.schemaguard.sandbox;

import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.rollback.RollbackGenerator;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Roles a migration creates. Roles belong to the server, not to the sandbox database, so they outlive the sandbox: left
 * behind, the next dry run of the same migration would fail on "role already exists". They are dropped with the sandbox.
 */
public final class CreatedRoles {

    private static final Logger LOG = LoggerFactory.getLogger(CreatedRoles.class);

    private CreatedRoles() {}

    static List<String> in(List<MigrationUnit> units) {
        List<SqlStatement> statements = new ArrayList<>();
        for (MigrationUnit unit : units) {
            SqlSplitter.split(unit.sql(), unit.file()).stream()
                    .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                    .forEach(statements::add);
        }
        return RollbackGenerator.createdRoles(statements);
    }

    /** The sandbox, which on close first drops the roles the migration creates. */
    public static Sandbox droppedOnClose(Sandbox sandbox, List<MigrationUnit> units) {
        List<String> roles = in(units);
        if (roles.isEmpty()) {
            return sandbox;
        }
        return new Sandbox() {
            @Override
            public Connection connect() throws SQLException {
                return sandbox.connect();
            }

            @Override
            public Connection connectForMigration() throws SQLException {
                return sandbox.connectForMigration();
            }

            @Override
            public String description() {
                return sandbox.description();
            }

            @Override
            public SchemaScript initialSchema() {
                return sandbox.initialSchema();
            }

            @Override
            public List<String> cloneDifferences() {
                return sandbox.cloneDifferences();
            }

            @Override
            public void close() {
                drop(sandbox, roles);
                sandbox.close();
            }
        };
    }

    /** In the sandbox's own database, before it is dropped: what the roles own there goes, then the roles. */
    static void drop(Sandbox sandbox, List<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        try (Connection c = sandbox.connect();
                Statement s = c.createStatement()) {
            for (String role : roles) {
                try {
                    s.execute("DROP OWNED BY " + role);
                    s.execute("DROP ROLE IF EXISTS " + role);
                } catch (SQLException e) {
                    LOG.warn("role {} created in a sandbox could not be dropped: {}", role, e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.warn("roles created in a sandbox could not be dropped: {}", e.getMessage());
        }
    }
}
