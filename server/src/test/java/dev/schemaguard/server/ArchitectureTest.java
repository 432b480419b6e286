package dev.schemaguard.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The domain stays plain Java: MCP and Spring live in the server module's adapters only. Beyond what Maven's module
 * boundaries enforce: no two packages depend on each other, however indirectly; a lint rule sees only the lint engine
 * and the SQL layer; and the CLI commands and the MCP tool adapters are two independent doors to the same use cases.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the other modules' test helpers
            .importPackages("dev.schemaguard");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.schemaguard.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void domainModulesKnowNothingOfMcpOrSpring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.schemaguard.tools..",
                        "dev.schemaguard.sandbox..",
                        "dev.schemaguard.policies..",
                        "dev.schemaguard.examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.modelcontextprotocol..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotReachIntoTheServer() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.schemaguard.tools..", "dev.schemaguard.sandbox..", "dev.schemaguard.policies..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.schemaguard.server..")
                .check(CLASSES);
    }

    @Test
    void aLintRuleSeesOnlyTheLintEngineAndTheSqlLayer() {
        classes()
                .that()
                .resideInAPackage("dev.schemaguard.tools.lint.rules..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.schemaguard.tools.lint",
                        "dev.schemaguard.tools.lint.rules",
                        "dev.schemaguard.tools.sql..",
                        "java..")
                .check(CLASSES);
    }

    @Test
    void cliCommandsAndMcpToolAdaptersDoNotUseEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.schemaguard.server.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.schemaguard.server.mcp.tools..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.schemaguard.server.mcp.tools..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.schemaguard.server.cli..")
                .check(CLASSES);
    }

    @Test
    void theSqlLayerStandsOnItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("dev.schemaguard.tools.sql..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.schemaguard.tools.lint..",
                        "dev.schemaguard.tools.deps..",
                        "dev.schemaguard.tools.rollback..",
                        "dev.schemaguard.tools.schema..",
                        "dev.schemaguard.tools.inspect..")
                .check(CLASSES);
    }

    @Test
    void toolsDoNotDependOnTheSandbox() {
        noClasses()
                .that()
                .resideInAPackage("dev.schemaguard.tools..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.schemaguard.sandbox..")
                .check(CLASSES);
    }
}
