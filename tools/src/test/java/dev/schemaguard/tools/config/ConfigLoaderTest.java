package dev.schemaguard.tools.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("schemaguard.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsEnvironmentsInFileOrderWithTheirPasswordSources() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db.internal:5432/shop
                    user: schemaguard
                    password: ${SHOP_DB_PASSWORD}
                    protection: production
                  staging:
                    url: jdbc:postgresql://staging:5432/shop
                    password-file: secrets/staging
                    protection: staging
                  local:
                    url: jdbc:postgresql://localhost/shop
                    protection: development
                inspect:
                  budget-tokens: 5000
                  statement-timeout: 5s
                server:
                  port: 9000
                  allowed-hosts: [mcp.example.com]
                  max-request-bytes: 65536
                """);

        SchemaguardConfig config = ConfigLoader.read(file);

        assertThat(config.environments()).containsOnlyKeys("prod", "staging", "local");
        assertThat(config.environments().keySet()).containsExactly("prod", "staging", "local");
        EnvironmentConfig prod = config.environments().get("prod");
        assertThat(prod.user()).isEqualTo("schemaguard");
        assertThat(prod.protection()).isEqualTo(Protection.PRODUCTION);
        assertThat(prod.password()).isEqualTo(new PasswordSource.EnvironmentVariable("SHOP_DB_PASSWORD"));
        assertThat(config.environments().get("staging").password())
                .isEqualTo(new PasswordSource.File(dir.resolve("secrets/staging")));
        assertThat(config.environments().get("local").password()).isInstanceOf(PasswordSource.None.class);
        assertThat(config.inspectBudgetTokens()).isEqualTo(5000);
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().allowedHosts()).containsExactly("mcp.example.com");
        assertThat(config.server().maxRequestBytes()).isEqualTo(65536);
    }

    @Test
    void tokenAuthenticationNeedsIssuerAndKeys() throws IOException {
        Path file = write("""
                server:
                  auth:
                    issuer: https://login.example.com/
                    jwks-uri: https://login.example.com/.well-known/jwks.json
                    audience: schemaguard
                """);
        ServerSettings.Auth auth = ConfigLoader.read(file).server().auth();
        assertThat(auth.issuer()).isEqualTo("https://login.example.com/");
        assertThat(auth.audience()).isEqualTo("schemaguard");
        assertThat(auth.resource()).isNull();
        Path missing = write("server:\n  auth:\n    issuer: https://login.example.com/\n");
        assertThatThrownBy(() -> ConfigLoader.read(missing)).hasMessageContaining("'server.auth.jwks-uri': missing");
        Path misspelt = write("server:\n  auth:\n    issuer: https://a/\n    jwks-uri: https://a/k\n    audiance: x\n");
        assertThatThrownBy(() -> ConfigLoader.read(misspelt))
                .hasMessageContaining(":5: 'server.auth.audiance': unknown key");
    }

    @Test
    void guardSectionNamesPolicyFilesBesideTheConfigAndRefusesMissingOnes() throws IOException {
        Path file = write("guard:\n  policies: [policy.yaml]\n  state-dir: state\n");
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2: 'guard.policies': policy file")
                .hasMessageContaining("policy.yaml does not exist");
        Files.writeString(file.resolveSibling("policy.yaml"), "schemaguard-policy: 1\n");
        GuardSettings guard = ConfigLoader.read(file).guard();
        assertThat(guard.policies())
                .containsExactly(file.toAbsolutePath().getParent().resolve("policy.yaml"));
        assertThat(guard.resolvedStateDir())
                .isEqualTo(file.toAbsolutePath().getParent().resolve("state"));
        assertThatThrownBy(() -> ConfigLoader.read(write("guard:\n  policy: x.yaml\n")))
                .hasMessageContaining("'guard.policy': unknown key");
        assertThat(ConfigLoader.read(write("environments: {}\n")).guard().builtIn())
                .isEqualTo("starter");
        GuardSettings shared = ConfigLoader.read(
                        write(
                                "guard:\n  store:\n    url: jdbc:postgresql://db/guard\n    user: sg\n    password: ${GUARD_PW}\n"))
                .guard();
        assertThat(shared.store().url()).isEqualTo("jdbc:postgresql://db/guard");
        assertThat(shared.store().password()).isEqualTo(new PasswordSource.EnvironmentVariable("GUARD_PW"));
        assertThatThrownBy(() -> ConfigLoader.read(
                        write("guard:\n  store:\n    url: jdbc:postgresql://db/guard\n    password: hunter2\n")))
                .hasMessageContaining("'guard.store.password': passwords are never stored");
    }

    @Test
    void codeRootsAreDirectoriesBesideTheConfig() throws IOException {
        Path file = write("code:\n  roots: [services]\n");
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .hasMessageContaining(file + ":2: 'code.roots':")
                .hasMessageContaining("is not a directory");
        Files.createDirectories(file.resolveSibling("services"));
        assertThat(ConfigLoader.read(file).codeRoots())
                .containsExactly(file.toAbsolutePath().getParent().resolve("services"));
        Path services = write("code:\n  roots: [services]\n  services:\n    billing: services/billing\n");
        assertThatThrownBy(() -> ConfigLoader.read(services))
                .hasMessageContaining(":4: 'code.services.billing':")
                .hasMessageContaining("is not a directory");
        Files.createDirectories(services.resolveSibling("services/billing"));
        assertThat(ConfigLoader.read(services).codeServices())
                .containsExactly(java.util.Map.entry(
                        "billing", services.toAbsolutePath().getParent().resolve("services/billing")));
    }

    @Test
    void serverFileRootsAreDirectoriesBesideTheConfig() throws IOException {
        Path file = write("server:\n  file-roots: [migrations]\n");
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .hasMessageContaining(file + ":2: 'server.file-roots':")
                .hasMessageContaining("is not a directory");
        Files.createDirectories(file.resolveSibling("migrations"));
        assertThat(ConfigLoader.read(file).server().fileRoots())
                .containsExactly(file.toAbsolutePath().getParent().resolve("migrations"));
        assertThat(ConfigLoader.read(write("server:\n  port: 9000\n")).server().fileRoots())
                .isEmpty();
    }

    @Test
    void unknownKeyIsRefusedWithFileLineAndKey() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    protecton: production
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4: 'environments.prod.protecton': unknown key")
                .hasMessageContaining("protection");
    }

    @Test
    void lintSectionSetsRulesVersionTransactionsExclusionsAndBaselineBesideTheFile() throws IOException {
        Path file = write("""
                lint:
                  target-version: 12
                  assume-in-transaction: false
                  big-table-rows: 50000
                  exclude: ["db/legacy/**"]
                  baseline: lint-baseline.json
                  rules:
                    require-statement-timeout: error
                    prefer-text-field: off
                """);
        var lint = ConfigLoader.read(file).lint();
        assertThat(lint.targetVersion()).isEqualTo(12);
        assertThat(lint.assumeInTransaction()).isFalse();
        assertThat(lint.bigTableRows()).isEqualTo(50_000);
        assertThat(lint.excludedPaths()).containsExactly("db/legacy/**");
        assertThat(lint.baseline())
                .isEqualTo(file.getParent().resolve("lint-baseline.json").toString());
        assertThat(lint.severities())
                .containsEntry("require-statement-timeout", dev.schemaguard.tools.lint.Severity.ERROR)
                .containsEntry("prefer-text-field", dev.schemaguard.tools.lint.Severity.OFF);
    }

    @Test
    void unknownLintRuleOrSeverityIsRefusedWithItsLine() throws IOException {
        Path unknownRule = write("lint:\n  rules:\n    ban-drop-tabel: error\n");
        assertThatThrownBy(() -> ConfigLoader.read(unknownRule))
                .hasMessageStartingWith(unknownRule + ":3: 'lint.rules.ban-drop-tabel': no such rule");
        Path badSeverity = write("lint:\n  rules:\n    ban-drop-table: fatal\n");
        assertThatThrownBy(() -> ConfigLoader.read(badSeverity))
                .hasMessageStartingWith(
                        badSeverity + ":3: 'lint.rules.ban-drop-table': expected error, warning, info or off");
    }

    @Test
    void theSandboxIsEmbeddedByDefaultOrScratchDatabasesOnAServer() throws IOException {
        assertThat(ConfigLoader.read(write("environments: {}\n")).sandbox().server())
                .isNull();
        Path file = write("""
                sandbox:
                  provider: server
                  server:
                    url: jdbc:postgresql://scratch.internal:5432/postgres
                    user: schemaguard
                    password: ${SCRATCH_PASSWORD}
                """);
        var server = ConfigLoader.read(file).sandbox().server();
        assertThat(server.url()).isEqualTo("jdbc:postgresql://scratch.internal:5432/postgres");
        assertThat(server.password()).isInstanceOf(PasswordSource.EnvironmentVariable.class);
        assertThat(ConfigLoader.read(write("sandbox:\n  provider: testcontainers\n  image: postgres:16\n"))
                        .sandbox()
                        .containerImage())
                .isEqualTo("postgres:16");
        Path unknown = write("sandbox:\n  provider: kubernetes\n");
        assertThatThrownBy(() -> ConfigLoader.read(unknown))
                .hasMessageStartingWith(
                        unknown + ":2: 'sandbox.provider': expected embedded, server or testcontainers");
        Path missing = write("sandbox:\n  provider: server\n");
        assertThatThrownBy(() -> ConfigLoader.read(missing)).hasMessageContaining("'sandbox.server': missing");
        assertThat(ConfigLoader.read(write("sandbox:\n  provider: testcontainers\n"))
                        .sandbox()
                        .containerImage())
                .as("untagged: the target's major version becomes the tag")
                .isEqualTo("postgres");
    }

    @Test
    void sampleMaskingNamesColumnsByGlobAndRefusesWhatItCannotRead() throws IOException {
        SampleMasking masking = ConfigLoader.read(write("""
                sandbox:
                  masking:
                    mask: ["billing.*.last4", "shop.products.sku"]
                    keep: ["shop.customers.full_name"]
                """)).sandbox().masking();
        assertThat(masking.decide("billing", "payment_methods", "last4")).contains(true);
        assertThat(masking.decide("SHOP", "Products", "SKU"))
                .as("case-insensitive")
                .contains(true);
        assertThat(masking.decide("shop", "customers", "full_name")).contains(false);
        assertThat(masking.decide("shop", "customers", "email"))
                .as("the built-in rule decides")
                .isEmpty();
        Path bad = write("sandbox:\n  masking:\n    mask: [email]\n");
        assertThatThrownBy(() -> ConfigLoader.read(bad))
                .hasMessageStartingWith(
                        bad + ":3: 'sandbox.masking.mask': expected schema.table.column (globs * and ?), was 'email'");
        Path unknownKey = write("sandbox:\n  masking:\n    hide: [a.b.c]\n");
        assertThatThrownBy(() -> ConfigLoader.read(unknownKey)).hasMessageContaining("hide");
    }

    @Test
    void unknownTopLevelSectionIsRefused() throws IOException {
        Path file = write("environments: {}\npolicy: strict\n");
        assertThatThrownBy(() -> ConfigLoader.read(file)).hasMessageStartingWith(file + ":2: 'policy': unknown key");
    }

    @Test
    void passwordWrittenInClearIsRefused() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    password: hunter2
                    protection: production
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .hasMessageStartingWith(file + ":4: 'environments.prod.password'")
                .hasMessageContaining("never stored")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void passwordInTheUrlIsRefused() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop?user=a&password=secret
                    protection: production
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file)).hasMessageContaining(":3: 'environments.prod.url'");
    }

    @Test
    void unknownProtectionLevelListsTheAllowedOnes() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    protection: prod
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .hasMessageContaining(":4: 'environments.prod.protection': unknown protection level 'prod'")
                .hasMessageContaining("sandbox, development, staging, production");
    }

    @Test
    void missingUrlIsRefused() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    protection: production
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file)).hasMessageContaining("'environments.prod.url': missing");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    protection: development
                    protection: production
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void wrongTypeIsRefused() throws IOException {
        Path file = write("""
                environments:
                  - prod
                """);
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .hasMessageContaining(":2: 'environments': expected a mapping");
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        Path file = write("environments:\n  prod:\n    url: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void explicitFileMustExist() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml (from --config) does not exist");
    }

    @Test
    void looksInTheWorkingDirectoryBeforeTheUserConfigDirectory() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home/.config/schemaguard"))
                .getParent()
                .getParent();
        Path inHome = Files.writeString(home.resolve(".config/schemaguard/schemaguard.yaml"), "environments: {}\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        assertThat(ConfigLoader.locate(null, work, home)).contains(inHome);
        Path inWork = Files.writeString(work.resolve("schemaguard.yaml"), "environments: {}\n");
        assertThat(ConfigLoader.locate(null, work, home)).contains(inWork);
        assertThat(ConfigLoader.locate(null, dir.resolve("elsewhere"), dir.resolve("nohome")))
                .isEmpty();
    }

    @Test
    void aKeptDemosConfigurationIsUsedLastAndOnlyWhileItsProcessRuns() throws IOException {
        Path kept = Files.createDirectories(dir.resolve("state/schemaguard/demo"));
        Path demoConfig = Files.writeString(kept.resolve("schemaguard.yaml"), "environments: {}\n");
        Path nowhere = dir.resolve("elsewhere");
        Path noHome = dir.resolve("nohome");
        Files.writeString(
                kept.resolve(ConfigLoader.KEPT_DEMO_PID),
                ProcessHandle.current().pid() + "\n");
        assertThat(ConfigLoader.locate(null, nowhere, noHome, kept)).contains(demoConfig);

        Path work = Files.createDirectories(dir.resolve("work-with-own"));
        Path own = Files.writeString(work.resolve("schemaguard.yaml"), "environments: {}\n");
        assertThat(ConfigLoader.locate(null, work, noHome, kept))
                .as("a configuration of one's own comes first")
                .contains(own);

        Process ended = new ProcessBuilder("true").start();
        try {
            ended.waitFor();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(kept.resolve(ConfigLoader.KEPT_DEMO_PID), ended.pid() + "\n");
        assertThat(ConfigLoader.locate(null, nowhere, noHome, kept))
                .as("left by a demo that is gone")
                .isEmpty();
    }

    @Test
    void missingSecretsAreListedWithoutRevealingAnything() throws IOException {
        Path file = write("""
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    password: ${SG_TEST_UNSET_VARIABLE}
                    protection: production
                  staging:
                    url: jdbc:postgresql://db/shop
                    password-file: /nonexistent/secret
                    protection: staging
                """);
        SchemaguardConfig config = ConfigLoader.read(file);
        assertThat(config.unreadableSecrets(Map.of()))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("prod").contains("SG_TEST_UNSET_VARIABLE"))
                .anySatisfy(p -> assertThat(p).contains("staging").contains("/nonexistent/secret"));
        assertThat(config.unreadableSecrets(Map.of("SG_TEST_UNSET_VARIABLE", "x")))
                .hasSize(1);
    }
}
