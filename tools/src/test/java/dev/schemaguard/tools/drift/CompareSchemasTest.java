package dev.schemaguard.tools.drift;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's prod has drifted from dev on purpose (examples' prod-drift.sql): each drift is found, said once. */
@Tag("database")
class CompareSchemasTest {

    @Test
    void everyDriftOfTheDemosProdIsFoundAndNothingElse() {
        TestDatabase dev = TestPostgres.createDatabase("drift_dev");
        TestDatabase prod = TestPostgres.createDatabase("drift_prod");
        dev.execute(DemoDatabase.schemaSql());
        prod.execute(DemoDatabase.schemaSql());
        prod.execute(DemoDatabase.prodDriftSql());
        CompareSchemas compare = new CompareSchemas(new JdbcEnvironments(List.of(
                dev.environment("dev", Protection.DEVELOPMENT), prod.environment("prod", Protection.PRODUCTION))));

        CompareSchemas.Comparison drift = compare.compare("dev", "prod", false);

        assertThat(drift.differences())
                .extracting(d -> d.state() + " " + d.object())
                .anySatisfy(d -> assertThat(d).contains("extra").contains("orders_status_idx"))
                .anySatisfy(d -> assertThat(d).startsWith("different").contains("customers"));
        CompareSchemas.Difference customers = drift.differences().stream()
                .filter(d -> d.state().equals("different")
                        && d.object().contains("customers")
                        && d.kind().equals("table"))
                .findFirst()
                .orElseThrow();
        assertThat(customers.second()).anySatisfy(p -> assertThat(p).contains("legacy_crm_id text"));
        assertThat(customers.first())
                .as("nothing of dev's table is missing in prod")
                .isEmpty();
        assertThat(drift.toText())
                .contains("'prod' differs from 'dev'")
                .contains("only in 'prod': index")
                .contains("legacy_crm_id");
        assertThat(compare.compare("dev", "dev", false).differences())
                .as("a schema does not differ from itself")
                .isEmpty();
    }

    @Test
    void whetherAMaterializedViewHoldsRowsIsNotADifference() {
        TestDatabase empty = TestPostgres.createDatabase("drift_mv_empty");
        TestDatabase filled = TestPostgres.createDatabase("drift_mv_filled");
        empty.execute(
                "CREATE TABLE t (id int); CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t WITH NO DATA;");
        filled.execute("CREATE TABLE t (id int); CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t;");
        CompareSchemas compare = new CompareSchemas(new JdbcEnvironments(List.of(
                empty.environment("empty", Protection.DEVELOPMENT),
                filled.environment("filled", Protection.PRODUCTION))));
        assertThat(compare.compare("empty", "filled", false).differences()).isEmpty();
        assertThat(compare.compare("filled", "empty", false).differences()).isEmpty();
    }
}
