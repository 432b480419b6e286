package dev.schemaguard.tools.schema.ddl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency sort alone, in memory: order, tie-breaks, and the cycles it breaks as pg_dump does. */
class DependencySortTest {

    @Test
    void everyObjectComesAfterWhatItDependsOnAndTheKindThenTheOrderReadDecideTheRest() {
        SchemaObject view = object(ObjectKind.VIEW, "public.v", "CREATE VIEW v", "table:public.t");
        SchemaObject table = object(ObjectKind.TABLE, "public.t", "CREATE TABLE t", "type:public.e");
        SchemaObject type = object(ObjectKind.TYPE, "public.e", "CREATE TYPE e");
        SchemaObject otherTable = object(ObjectKind.TABLE, "public.a", "CREATE TABLE a");
        DependencySort.Result sorted = DependencySort.sort(List.of(view, table, type, otherTable));
        assertThat(sorted.statements())
                .containsExactly("CREATE TYPE e", "CREATE TABLE t", "CREATE TABLE a", "CREATE VIEW v");
        assertThat(sorted.problems()).isEmpty();
    }

    @Test
    void aCycleThroughAViewIsBrokenByMakingTheViewAsAShellFirst() {
        SchemaObject view = object(ObjectKind.VIEW, "public.v", "CREATE VIEW v AS SELECT f()", "function:public.f()")
                .withSplit(new SchemaObject.Split(
                        List.of("CREATE VIEW v AS SELECT NULL::int AS x"),
                        Set.of(),
                        List.of("CREATE OR REPLACE VIEW v AS SELECT f()")));
        SchemaObject function =
                object(ObjectKind.FUNCTION, "public.f()", "CREATE FUNCTION f() RETURNS SETOF v", "view:public.v");
        DependencySort.Result sorted = DependencySort.sort(List.of(view, function));
        assertThat(sorted.statements())
                .containsExactly(
                        "CREATE VIEW v AS SELECT NULL::int AS x",
                        "CREATE FUNCTION f() RETURNS SETOF v",
                        "CREATE OR REPLACE VIEW v AS SELECT f()");
        assertThat(sorted.objects())
                .extracting(SchemaObject::key)
                .containsExactly("function:public.f()", "view:public.v");
        assertThat(sorted.problems()).isEmpty();
    }

    @Test
    void aCycleNothingCanBreakIsReportedAndEveryObjectIsStillWritten() {
        SchemaObject a = object(ObjectKind.FUNCTION, "public.a()", "CREATE FUNCTION a()", "function:public.b()");
        SchemaObject b = object(ObjectKind.FUNCTION, "public.b()", "CREATE FUNCTION b()", "function:public.a()");
        DependencySort.Result sorted = DependencySort.sort(List.of(a, b));
        assertThat(sorted.statements()).containsExactlyInAnyOrder("CREATE FUNCTION a()", "CREATE FUNCTION b()");
        assertThat(sorted.problems()).singleElement().asString().contains("depend on each other");
    }

    @Test
    void eventTriggersAndDefaultPrivilegesComeAfterEverythingElseAndSoDoTheirCommentsAndOwners() {
        SchemaObject trigger = object(ObjectKind.EVENT_TRIGGER, "e", "CREATE EVENT TRIGGER e", "function:public.f()");
        SchemaObject function = object(ObjectKind.FUNCTION, "public.f()", "CREATE FUNCTION f()");
        SchemaObject comment =
                object(ObjectKind.COMMENT, "EVENT TRIGGER e", "COMMENT ON EVENT TRIGGER e", "event-trigger:e");
        SchemaObject table = object(ObjectKind.TABLE, "public.late", "CREATE TABLE late", "function:public.g()");
        SchemaObject g = object(ObjectKind.FUNCTION, "public.g()", "CREATE FUNCTION g()", "type:public.slow");
        SchemaObject type = object(ObjectKind.TYPE, "public.slow", "CREATE TYPE slow");
        DependencySort.Result sorted = DependencySort.sort(List.of(trigger, function, comment, table, g, type));
        assertThat(sorted.statements()).endsWith("CREATE EVENT TRIGGER e", "COMMENT ON EVENT TRIGGER e");
    }

    private static SchemaObject object(ObjectKind kind, String name, String statement, String... dependsOn) {
        return new SchemaObject(
                kind, name, null, null, List.of(statement), Set.of(dependsOn), Set.of(), List.of(), null);
    }
}
