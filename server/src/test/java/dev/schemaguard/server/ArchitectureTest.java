package dev.schemaguard.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays plain Java: MCP and Spring live in the server module's adapters only. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.schemaguard");

    @Test
    void domainModulesKnowNothingOfMcpOrSpring() {
        noClasses().that().resideInAnyPackage("dev.schemaguard.tools..", "dev.schemaguard.sandbox..",
                        "dev.schemaguard.policies..", "dev.schemaguard.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotReachIntoTheServer() {
        noClasses().that().resideInAnyPackage("dev.schemaguard.tools..", "dev.schemaguard.sandbox..", "dev.schemaguard.policies..")
                .should().dependOnClassesThat().resideInAPackage("dev.schemaguard.server..")
                .check(CLASSES);
    }

    @Test
    void toolsDoNotDependOnTheSandbox() {
        noClasses().that().resideInAPackage("dev.schemaguard.tools..")
                .should().dependOnClassesThat().resideInAPackage("dev.schemaguard.sandbox..")
                .check(CLASSES);
    }
}
