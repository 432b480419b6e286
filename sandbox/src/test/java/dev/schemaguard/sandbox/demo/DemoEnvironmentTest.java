package dev.schemaguard.sandbox.demo;

import dev.schemaguard.tools.config.Protection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("database")
class DemoEnvironmentTest {

    private static DemoEnvironment demo;
    private static String printedOnStdout;

    @BeforeAll
    static void startDemoWhileWatchingStdout() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            demo = DemoEnvironment.start();
        } finally {
            System.setOut(original);
        }
        printedOnStdout = captured.toString();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void startingPrintsNothingOnStdoutBecauseStdoutIsTheMcpWire() {
        assertThat(printedOnStdout).isEmpty();
    }

    @Test
    void registersDevAndProdWithTheirProtectionLevels() {
        assertThat(demo.environments())
                .extracting(e -> e.name() + ":" + e.protection())
                .containsExactly("dev:" + Protection.DEVELOPMENT, "prod:" + Protection.PRODUCTION);
        assertThat(demo.environments()).allSatisfy(e -> assertThat(e.url()).startsWith("jdbc:postgresql://127.0.0.1:"));
    }

    @Test
    void theShopHasEveryObjectKindInTwoSchemas() throws SQLException {
        try (Connection c = demo.server().connect("shop_dev")) {
            assertThat(single(c, "SELECT count(*) FROM pg_tables WHERE schemaname IN ('shop','billing')"))
                    .isGreaterThanOrEqualTo(20);
            assertThat(single(
                            c,
                            "SELECT count(DISTINCT schemaname) FROM pg_tables WHERE schemaname IN ('shop','billing')"))
                    .isEqualTo(2);
            assertThat(
                            single(
                                    c,
                                    "SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'order_events'"))
                    .isEqualTo(4);
            assertThat(
                            single(
                                    c,
                                    "SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'audit_log'"))
                    .isEqualTo(1);
            assertThat(
                            single(
                                    c,
                                    "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'order_status'"))
                    .isEqualTo(6);
            assertThat(
                            single(
                                    c,
                                    "SELECT count(*) FROM pg_type WHERE typtype = 'd' AND typnamespace::regnamespace::text IN ('shop','billing')"))
                    .isEqualTo(2);
            assertThat(single(c, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"))
                    .isEqualTo(5);
            assertThat(single(c, "SELECT count(*) FROM pg_views WHERE schemaname IN ('shop','billing')"))
                    .isEqualTo(2);
            assertThat(single(c, "SELECT count(*) FROM pg_matviews WHERE ispopulated"))
                    .isEqualTo(1);
            assertThat(single(c, "SELECT count(*) FROM pg_constraint WHERE contype = 'x'"))
                    .isEqualTo(1);
            assertThat(single(c, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated"))
                    .isEqualTo(2);
            assertThat(
                            single(
                                    c,
                                    "SELECT count(*) FROM pg_proc WHERE prokind = 'p' AND pronamespace::regnamespace::text = 'billing'"))
                    .isEqualTo(1);
            assertThat(single(c, "SELECT count(*) FROM shop.orders")).isEqualTo(2000);
            assertThat(single(c, "SELECT count(*) FROM shop.order_lines")).isGreaterThan(3000);
            assertThat(single(c, "SELECT count(*) FROM shop.orders WHERE total_cents = 0"))
                    .isZero();
        }
    }

    @Test
    void prodDriftsFromDevByTheDocumentedDifferences() throws SQLException {
        String columns =
                "SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns "
                        + "WHERE table_schema IN ('shop','billing') ORDER BY 1";
        String indexes =
                "SELECT schemaname || '.' || indexname FROM pg_indexes WHERE schemaname IN ('shop','billing') ORDER BY 1";
        String notValid = "SELECT conname FROM pg_constraint WHERE NOT convalidated ORDER BY 1";
        try (Connection dev = demo.server().connect("shop_dev");
                Connection prod = demo.server().connect("shop_prod")) {
            assertThat(difference(list(prod, columns), list(dev, columns)))
                    .containsExactly("shop.customers.legacy_crm_id");
            assertThat(difference(list(dev, columns), list(prod, columns))).isEmpty();
            assertThat(difference(list(prod, indexes), list(dev, indexes))).containsExactly("shop.orders_status_idx");
            assertThat(list(dev, notValid)).containsExactly("refunds_payment_fk", "reviews_rating_range");
            assertThat(list(prod, notValid)).containsExactly("reviews_rating_range");
            assertThat(list(dev, "SELECT obj_description('shop.suppliers'::regclass, 'pg_class')"))
                    .containsExactly("Who we buy from");
            assertThat(list(prod, "SELECT coalesce(obj_description('shop.suppliers'::regclass, 'pg_class'), '-')"))
                    .containsExactly("-");
        }
    }

    @Test
    void closingRemovesTheDataDirectory() {
        DemoEnvironment other = DemoEnvironment.start();
        Path dataDirectory = other.server().dataDirectory();
        assertThat(dataDirectory).exists();
        other.close();
        assertThat(Files.exists(dataDirectory)).isFalse();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> difference(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>(a);
        result.removeAll(b);
        return result;
    }
}
