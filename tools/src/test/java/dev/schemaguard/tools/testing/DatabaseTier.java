package dev.schemaguard.tools.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The test tiers: a test that starts or reaches a PostgreSQL (directly, or through a helper of the same test classes)
 * carries {@code @Tag("database")}, so that {@code mvn test -Pfast} runs only the tests that need none. What this
 * checks is the tag's truth: a database test without it would make the fast tier slow, or fail where no database runs.
 */
public abstract class DatabaseTier {

    public static final String TAG = "database";

    /** What starts or reaches a database in tests. */
    private static final List<String> DATABASE_CLASSES = List.of(
            "dev.schemaguard.tools.testing.TestPostgres",
            "dev.schemaguard.tools.testing.TestDatabase",
            "dev.schemaguard.sandbox.fixtures.TargetDatabases",
            "dev.schemaguard.sandbox.Sandboxes",
            "dev.schemaguard.sandbox.EmbeddedPostgresServer",
            "dev.schemaguard.sandbox.demo.DemoEnvironment",
            "dev.schemaguard.sandbox.HostPool",
            "dev.schemaguard.server.cli.KeptDemo",
            "dev.schemaguard.server.cli.CliRun",
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres");

    /** Each module's check runs over its own compiled tests: {@code class DatabaseTestsAreTaggedTest extends DatabaseTier {}}. */
    @org.junit.jupiter.api.Test
    public void everyTestThatReachesADatabaseIsTagged() {
        org.assertj.core.api.Assertions.assertThat(untagged(Path.of("target", "test-classes")))
                .as("add @Tag(\"" + TAG + "\") to these")
                .isEmpty();
    }

    /** The test classes under {@code testClasses} that reach a database but are not tagged {@value #TAG}. */
    public static List<String> untagged(Path testClasses) {
        JavaClasses classes = new ClassFileImporter().importPath(testClasses);
        Set<String> ours = new HashSet<>();
        classes.forEach(c -> ours.add(c.getName()));
        List<String> untagged = new ArrayList<>();
        for (JavaClass c : classes) {
            boolean test = c.getMethods().stream()
                    .anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> {
                        String name = a.getRawType().getName();
                        return name.startsWith("org.junit.jupiter.api.Test")
                                || name.startsWith("org.junit.jupiter.params.ParameterizedTest")
                                || name.equals("net.jqwik.api.Property")
                                || name.equals("net.jqwik.api.Example");
                    }));
            if (!test || c.getEnclosingClass().isPresent() || tagged(c)) {
                continue;
            }
            if (reachesDatabase(c, classes, ours)) {
                untagged.add(c.getName());
            }
        }
        return untagged;
    }

    private static boolean tagged(JavaClass c) {
        return c.getAnnotations().stream()
                .anyMatch(a -> (a.getRawType().getName().equals("org.junit.jupiter.api.Tag")
                                || a.getRawType().getName().equals("net.jqwik.api.Tag"))
                        && TAG.equals(a.get("value").orElse(null)));
    }

    /** Through its own code and the test classes it uses (nested classes, fixtures, helpers). */
    private static boolean reachesDatabase(JavaClass start, JavaClasses classes, Set<String> ours) {
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            if (!seen.add(c.getName())) {
                continue;
            }
            for (var d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getName();
                if (DATABASE_CLASSES.contains(target)) {
                    return true;
                }
                if (ours.contains(target) && !seen.contains(target)) {
                    todo.push(classes.get(target));
                }
            }
        }
        return false;
    }
}
