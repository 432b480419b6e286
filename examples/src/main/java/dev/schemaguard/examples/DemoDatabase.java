package dev.schemaguard.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo shop database's SQL, as shipped in this jar (and readable under src/main/resources). */
public final class DemoDatabase {

    private static final String BASE = "/dev/schemaguard/examples/demo/";

    private DemoDatabase() {}

    /** Schemas, types, tables, constraints, indexes, functions, triggers, views and comments. */
    public static String schemaSql() {
        return read("schema.sql");
    }

    /** A few thousand deterministic rows. */
    public static String dataSql() {
        return read("data.sql");
    }

    /** What production has that dev has not: the drift between the two demo environments. */
    public static String prodDriftSql() {
        return read("prod-drift.sql");
    }

    private static String read(String name) {
        try (InputStream in = DemoDatabase.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
