package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ChangeClass;
import dev.schemaguard.tools.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    static final Path EXAMPLES = Path.of("..", "examples", "policies");

    static PolicyFile read(String yaml) {
        return PolicyLoader.read(yaml, "p.yaml");
    }

    @Test
    void everyExamplePolicyLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : files) {
            PolicyFile policy = PolicyLoader.read(f);
            assertThat(policy.scopes()).as(f.toString()).isNotEmpty();
            PolicySet.of(policy); // roles used are defined
        }
    }

    @Test
    void theBuiltInPoliciesAreTheExampleFiles() throws IOException {
        for (String name : List.of("starter", "demo")) {
            try (InputStream in =
                    PolicySet.class.getResourceAsStream("/dev/schemaguard/policies/" + name + "-policy.yaml")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("policies/src/main/resources/dev/schemaguard/policies/" + name
                                + "-policy.yaml must equal examples/policies/" + name + ".yaml")
                        .isEqualTo(Files.readString(EXAMPLES.resolve(name + ".yaml")));
            }
        }
    }

    @Test
    void aFullBlockIsRead() {
        PolicyFile p = read("""
                schemaguard-policy: 1
                level: team
                roles: {dba: [alice, "group:dba"]}
                environments:
                  - match: {names: ["prod*"], protection: [production]}
                    otherwise: approve
                    changes:
                      destructive: forbid
                      locking: {decision: approve, at-least: share row exclusive}
                      rewrite: {decision: forbid, above-rows: 1_000_000}
                    approval: {roles: [dba], count: 2, self-approval: false, expires: 4h}
                    evidence: [lint-clean, rollback-verified]
                    timeouts: {lock: 2s, statement: 10m}
                    max-dml-rows: 500
                    windows: [{label: office, deny: [ddl], days: [mon, fri], from: "09:00", to: "18:00", zone: Europe/Berlin}]
                    freezes: [{from: 2026-12-20, to: 2027-01-04, zone: UTC}]
                    sensitive-tables: [{tables: [public.customers], role: dba}]
                    backup-before-destructive: true
                """);
        assertThat(p.level()).isEqualTo(PolicyFile.Level.TEAM);
        Scope s = p.scopes().get(0);
        assertThat(s.changes()).containsKeys(ChangeClass.DESTRUCTIVE, ChangeClass.LOCKING, ChangeClass.REWRITE);
        assertThat(s.changes().get(ChangeClass.REWRITE).aboveRows()).isEqualTo(1_000_000);
        assertThat(s.approval().count()).isEqualTo(2);
        assertThat(s.lockTimeout()).hasSeconds(2);
        assertThat(s.windows().get(0).days()).hasSize(2);
        assertThat(s.freezes().get(0).deny()).containsAll(List.of(ChangeClass.values()));
        assertThat(s.where()).isEqualTo("p.yaml:5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "unknown top key      | schemaguard-policy: 1\\nrulez: []                                                   | p.yaml:2: 'rulez': unknown key",
                "missing format       | level: team                                                                        | 'schemaguard-policy': missing",
                "unknown scope key    | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    allow: all      | p.yaml:4: 'environments[0].allow': unknown key",
                "no match             | schemaguard-policy: 1\\nenvironments:\\n  - otherwise: approve                      | 'environments[0].match': missing",
                "bad decision         | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    otherwise: maybe | p.yaml:4: 'environments[0].otherwise': expected one of allow, approve, forbid",
                "unknown class        | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    changes: {drops: forbid} | 'environments[0].changes.drops': unknown change class",
                "bad lock mode        | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    changes: {locking: {decision: approve, at-least: huge}} | expected a PostgreSQL lock mode",
                "count is a number    | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    approval: {count: two} | p.yaml:4: 'environments[0].approval.count': expected a whole number",
                "bad zone             | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    freezes: [{from: 2026-12-20, to: 2027-01-04, zone: Mars/Olympus}] | unknown time zone 'Mars/Olympus'",
                "freeze backwards     | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    freezes: [{from: 2027-01-04, to: 2026-12-20, zone: UTC}] | ends before it starts",
                "bad protection       | schemaguard-policy: 1\\nenvironments:\\n  - match: {protection: [prod]}          | unknown protection level 'prod'",
                "zero timeout         | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    timeouts: {lock: 0s} | must be more than zero",
                "CEL does not compile | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    rules: [{id: r, when: 'statement.kind ==', decision: forbid}] | p.yaml:4: 'environments[0].rules[0].when': not a valid CEL condition",
                "CEL not a bool       | schemaguard-policy: 1\\nenvironments:\\n  - match: {names: [a]}\\n    rules: [{id: r, when: '1 + 2', decision: forbid}] | not a valid CEL condition",
                "duplicate key        | schemaguard-policy: 1\\nlevel: team\\nlevel: team                                  | duplicate key",
            })
    void badPoliciesAreRefusedWithFileAndLine(String name, String yaml, String expected) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected.trim());
    }

    @Test
    void aRoleThatNoFileDefinesIsRefused() {
        PolicyFile p =
                read("schemaguard-policy: 1\nenvironments:\n  - match: {names: [a]}\n    approval: {roles: [dba]}\n");
        assertThatThrownBy(() -> PolicySet.of(p))
                .hasMessageContaining("p.yaml:4")
                .hasMessageContaining("role 'dba' is not defined");
    }

    @Test
    void aLowerLevelCannotRedefineARoleToJoinIt() {
        PolicyFile org =
                PolicyLoader.read("schemaguard-policy: 1\nlevel: organisation\nroles: {dba: [alice]}\n", "org.yaml");
        PolicyFile repo =
                PolicyLoader.read("schemaguard-policy: 1\nlevel: repository\nroles: {dba: [mallory]}\n", "repo.yaml");
        assertThatThrownBy(() -> PolicySet.of(repo, org))
                .hasMessageContaining("repo.yaml: role 'dba' is already defined by org.yaml");
    }

    @Test
    void anUnreadablePolicyFileStopsWithAClearError() {
        assertThatThrownBy(() -> PolicySet.load(List.of(Path.of("no/such/policy.yaml"))))
                .hasMessageContaining("no/such/policy.yaml cannot be read");
    }
}
