package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandboxes of one host (an embedded PostgreSQL of one major version, or a configured server), kept for the
 * process. Each distinct schema is built once into a template database; every sandbox is then a
 * {@code CREATE DATABASE … TEMPLATE} copy of it instead of a replay of the DDL, and one copy is kept ready in the
 * background for the next run of the same schema.
 */
final class HostPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostPool.class);
    private static final PostgresSchemaExporter EXPORTER = new PostgresSchemaExporter();

    private final SandboxHost host;
    /** Names this process's databases apart from another's on a shared server. */
    private final String prefix = "sg_"
            + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL) + "_";

    private boolean started;
    private String version;
    private int major;
    private final Map<String, Template> templates = new HashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final Map<String, Future<String>> spares = new HashMap<>();
    private final List<String> loginRoles = new ArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "schemaguard-sandbox-spares");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param schema      the copy's schema, read once after it was built
     * @param differences where it differs from the target's (refused, not copied, otherwise)
     */
    private record Template(String database, SchemaScript schema, List<String> differences, Runner runner) {}

    /**
     * How a sandbox's migration connects: a login role made for the template, with a random password, that takes the
     * target's migration role; never a superuser, never a member of PostgreSQL's predefined {@code pg_*} roles.
     *
     * @param role          the target's migration role as it exists in the copy, or null to run as the login role itself
     * @param databaseOwner the copies are owned by {@code role} (the target's user owns its database, or is a superuser)
     * @param databaseGrants what {@code role} may do in the copies' database (CREATE, TEMPORARY)
     */
    private record Runner(
            String login, String password, String role, boolean databaseOwner, List<String> databaseGrants) {}

    HostPool(SandboxHost host) {
        this.host = host;
    }

    synchronized Sandbox create(SchemaScript schema, DataSample sample) {
        return create(schema, sample, MigrationUser.NONE);
    }

    synchronized Sandbox create(SchemaScript schema, DataSample sample, MigrationUser user) {
        if (!started) {
            try (Connection c = host.connect(host.maintenanceDatabase());
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
                major = Integer.parseInt(version.replaceAll("[^0-9].*", ""));
            } catch (SQLException e) {
                throw new ToolException(
                        "The sandbox server (" + host.description() + ") does not answer: " + e.getMessage());
            }
            started = true;
        }
        String identity =
                schema.text() + (sample == null ? "" : "\n-- sample " + sample.key()) + "\n-- runs as " + user;
        String key = Integer.toHexString(identity.hashCode())
                + Integer.toHexString(schema.statements().size());
        Template template =
                templates.computeIfAbsent(key, k -> build(prefix + "template_" + k, schema, sample, user, k));
        Future<String> spare = spares.remove(template.database());
        String database = null;
        if (spare != null) {
            try {
                database = spare.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn(
                        "a spare sandbox could not be prepared: {}",
                        e.getCause().getMessage());
            }
        }
        if (database == null) {
            database = copy(template);
        }
        // the next run of the same schema takes a copy made while this one works
        spares.put(template.database(), background.submit(() -> copy(template)));
        return new TemplateCopy(database, template);
    }

    /** A copy of a template is a file copy (about a second for a few hundred tables), hence the spare kept ready. */
    private String copy(Template template) {
        String database = prefix + "run_" + runs.incrementAndGet();
        Runner runner = template.runner();
        // FILE_COPY (PostgreSQL 15+) copies the template's files; the default WAL_LOG strategy writes every block to
        // WAL
        execute("CREATE DATABASE " + database + " TEMPLATE " + template.database()
                + (major >= 15 ? " STRATEGY = FILE_COPY" : "")
                + (runner.databaseOwner() ? " OWNER " + quote(runner.role()) : ""));
        if (!runner.databaseGrants().isEmpty() && !runner.databaseOwner()) {
            execute("GRANT " + String.join(", ", runner.databaseGrants()) + " ON DATABASE " + database + " TO "
                    + quote(runner.role()));
        }
        return database;
    }

    /** The schema's DDL, then the sample rows, then what comes after data (refreshes); then the copy is read back and compared. */
    private Template build(
            String database, SchemaScript schema, DataSample sample, MigrationUser user, String templateKey) {
        long started = System.nanoTime();
        execute("CREATE DATABASE " + database);
        List<String> differences = new ArrayList<>();
        SchemaScript copy;
        try (Connection c = host.connect(database)) {
            run(c, schema.statements(), differences);
            if (sample != null) {
                long rows = sample.copyInto(c);
                LOG.info("sandbox template {}: {} sample rows copied", database, rows);
            }
            run(c, schema.postData(), differences);
            copy = EXPORTER.export(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the sandbox template: " + e.getMessage(), e);
        }
        int refused = differences.size();
        schema.notCopied().forEach(n -> differences.add("not copied: " + n));
        for (SchemaScript.Change change : schema.diff(copy).changes()) {
            String key = change.key();
            differences.add(
                    change.before() == null
                            ? "only in the copy: " + key
                            : change.after() == null ? "missing in the copy: " + key : "differs in the copy: " + key);
        }
        LOG.info(
                "sandbox template {} built from {} statements in {} ms ({} refused, {} differences)",
                database,
                schema.statements().size(),
                (System.nanoTime() - started) / 1_000_000,
                refused,
                differences.size());
        return new Template(database, copy, List.copyOf(differences), runner(schema, user, prefix + "m" + templateKey));
    }

    /**
     * The login role of a template's sandboxes, and the target's migration role it takes: made a member of the roles the
     * target's user is a member of (of every role of the schema, for a superuser), with its right to create roles only
     * where PostgreSQL 16+ keeps that right from reaching predefined roles.
     */
    private Runner runner(SchemaScript schema, MigrationUser user, String login) {
        String password = EmbeddedPostgresServer.randomPassword();
        String name = login.length() > 63 ? login.substring(0, 63) : login;
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password
                + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        loginRoles.add(name);
        if (user.name() == null || superuser(user.name())) {
            if (user.name() != null) {
                LOG.warn(
                        "the target's migration role {} is a superuser on the sandbox server; sandbox migrations run without it",
                        user.name());
            }
            return new Runner(name, password, null, false, List.of());
        }
        ensureRole(user.name());
        if ((user.createRole() || user.superuser()) && major >= 16) {
            execute("ALTER ROLE " + quote(user.name()) + " CREATEROLE");
            // as a superuser on the target may make a role and give it a table, the roles it makes are its own to use
            // (a setting of the session, so of the login role)
            execute("ALTER ROLE " + name + " SET createrole_self_grant = 'set, inherit'");
        }
        if (user.bypassRls() || user.superuser()) {
            execute("ALTER ROLE " + quote(user.name()) + " BYPASSRLS");
        }
        java.util.Set<String> members = new java.util.TreeSet<>(user.memberOf());
        if (user.superuser()) {
            schema.objects().stream()
                    .filter(o -> o.kind() == dev.schemaguard.tools.schema.ddl.ObjectKind.ROLE)
                    .forEach(o -> members.add(o.name()));
        }
        members.remove(user.name());
        for (String role : members) {
            if (!role.startsWith("pg_")) {
                ensureRole(role);
                if (!superuser(role)) {
                    execute("GRANT " + quote(role) + " TO " + quote(user.name()));
                }
            }
        }
        execute("GRANT " + quote(user.name()) + " TO " + name);
        List<String> grants = new ArrayList<>();
        if (user.createInDatabase() || user.superuser()) {
            grants.add("CREATE");
        }
        if (user.temporaryInDatabase() || user.superuser()) {
            grants.add("TEMPORARY");
        }
        return new Runner(name, password, user.name(), user.superuser(), grants);
    }

    private void ensureRole(String role) {
        execute("DO $sg$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(role)
                + ") THEN CREATE ROLE " + quote(role) + " NOLOGIN; END IF; END$sg$");
    }

    private boolean superuser(String role) {
        try (Connection c = host.connect(host.maintenanceDatabase());
                java.sql.PreparedStatement s = c.prepareStatement("SELECT rolsuper FROM pg_roles WHERE rolname = ?")) {
            s.setString(1, role);
            try (var rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read role " + role + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Statements sent in batches, one transaction each (a 10,000-table schema is tens of thousands of them). */
    private static final int BATCH = 400;

    /** A batch that fails is run again one statement at a time, so that each refusal is named with PostgreSQL's reason. */
    private static void run(Connection c, List<String> statements, List<String> refused) throws SQLException {
        for (int from = 0; from < statements.size(); from += BATCH) {
            List<String> batch = statements.subList(from, Math.min(from + BATCH, statements.size()));
            if (!together(c, batch)) {
                try (Statement s = c.createStatement()) {
                    for (String statement : batch) {
                        try {
                            s.execute(statement);
                        } catch (SQLException e) {
                            refused.add(
                                    "refused: " + statement.lines().findFirst().orElse("") + " -- " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    private static boolean together(Connection c, List<String> batch) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : batch) {
                s.addBatch(statement);
            }
            s.executeBatch();
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void execute(String sql) {
        try (Connection c = host.connect(host.maintenanceDatabase());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        // a spare never started is cancelled (its future would otherwise wait forever); one being made is waited for
        for (Runnable neverStarted : background.shutdownNow()) {
            if (neverStarted instanceof Future<?> future) {
                future.cancel(false);
            }
        }
        if (started) {
            for (Future<String> spare : spares.values()) {
                try {
                    execute("DROP DATABASE IF EXISTS " + spare.get(60, TimeUnit.SECONDS) + " WITH (FORCE)");
                } catch (Exception e) {
                    LOG.debug("spare sandbox not dropped: {}", e.getMessage());
                }
            }
            for (Template template : templates.values()) {
                try {
                    execute("DROP DATABASE IF EXISTS " + template.database() + " WITH (FORCE)");
                } catch (RuntimeException e) {
                    LOG.debug("sandbox template not dropped: {}", e.getMessage());
                }
            }
        }
        for (String role : loginRoles) {
            try {
                execute("DROP ROLE IF EXISTS " + role);
            } catch (RuntimeException e) {
                LOG.debug("sandbox login role not dropped: {}", e.getMessage());
            }
        }
        loginRoles.clear();
        spares.clear();
        templates.clear();
        host.close();
        started = false;
    }

    private final class TemplateCopy implements Sandbox {

        private final String database;
        private final Template template;

        TemplateCopy(String database, Template template) {
            this.database = database;
            this.template = template;
        }

        @Override
        public Connection connect() throws SQLException {
            return host.connect(database);
        }

        @Override
        public Connection connectForMigration() throws SQLException {
            Runner runner = template.runner();
            Connection c = host.connect(database, runner.login(), runner.password());
            if (runner.role() != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET ROLE " + quote(runner.role()));
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
            }
            return c;
        }

        @Override
        public String description() {
            return host.description() + " " + version;
        }

        @Override
        public SchemaScript initialSchema() {
            return template.schema();
        }

        @Override
        public List<String> cloneDifferences() {
            return template.differences();
        }

        @Override
        public void close() {
            synchronized (HostPool.this) {
                if (started) {
                    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
    }
}
