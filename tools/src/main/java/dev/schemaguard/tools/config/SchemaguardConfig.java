package dev.schemaguard.tools.config;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.lint.LintSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole {@code schemaguard.yaml}.
 *
 * @param source              the file it was read from, or null when built in code (the embedded demo)
 * @param environments        by name, in file order
 * @param inspectBudgetTokens default upper bound on an inspect_schema answer
 * @param statementTimeout    statement_timeout for catalog reads
 * @param lint                the {@code lint} section: rule severities, target version, baseline …
 * @param sandbox             the {@code sandbox} section: where disposable databases are made
 * @param guard               the {@code guard} section: policy files and where approvals and the audit log live
 * @param codeRoots           the {@code code} section's roots: application code that map_dependencies, impact_of_migration
 *                            and check_migration read when a call names none
 * @param codeServices        the {@code code} section's services: name → directory, for code that build files do not
 *                            split into services (a file belongs to the deepest directory that contains it)
 */
public record SchemaguardConfig(
        Path source,
        Map<String, EnvironmentConfig> environments,
        ServerSettings server,
        int inspectBudgetTokens,
        Duration statementTimeout,
        LintSettings lint,
        SandboxSettings sandbox,
        GuardSettings guard,
        List<Path> codeRoots,
        Map<String, Path> codeServices) {

    public static final int DEFAULT_INSPECT_BUDGET_TOKENS = 20_000;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public SchemaguardConfig {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        codeRoots = List.copyOf(codeRoots);
        codeServices = codeServices == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codeServices));
    }

    /** A configuration made in code, e.g. for the embedded demo. */
    public static SchemaguardConfig of(List<EnvironmentConfig> environments) {
        Map<String, EnvironmentConfig> byName = new LinkedHashMap<>();
        environments.forEach(e -> byName.put(e.name(), e));
        return new SchemaguardConfig(
                null,
                byName,
                ServerSettings.defaults(),
                DEFAULT_INSPECT_BUDGET_TOKENS,
                DEFAULT_STATEMENT_TIMEOUT,
                LintSettings.defaults(),
                SandboxSettings.embedded(),
                GuardSettings.defaults(),
                List.of(),
                Map.of());
    }

    public SchemaguardConfig withEnvironments(List<EnvironmentConfig> added) {
        Map<String, EnvironmentConfig> byName = new LinkedHashMap<>(environments);
        added.forEach(e -> byName.put(e.name(), e));
        return new SchemaguardConfig(
                source,
                byName,
                server,
                inspectBudgetTokens,
                statementTimeout,
                lint,
                sandbox,
                guard,
                codeRoots,
                codeServices);
    }

    public SchemaguardConfig withGuard(GuardSettings settings) {
        return new SchemaguardConfig(
                source,
                environments,
                server,
                inspectBudgetTokens,
                statementTimeout,
                lint,
                sandbox,
                settings,
                codeRoots,
                codeServices);
    }

    public SchemaguardConfig withServer(ServerSettings settings) {
        return new SchemaguardConfig(
                source,
                environments,
                settings,
                inspectBudgetTokens,
                statementTimeout,
                lint,
                sandbox,
                guard,
                codeRoots,
                codeServices);
    }

    /**
     * Every secret the environments refer to that cannot be read now. A server checks this at start so that a missing
     * secret stops it with a clear message instead of failing later, half-way through an agent's session.
     */
    public List<String> unreadableSecrets(Map<String, String> environmentVariables) {
        List<String> problems = new ArrayList<>();
        for (EnvironmentConfig env : environments.values()) {
            try {
                env.password().resolve(environmentVariables);
            } catch (ToolException e) {
                problems.add("environment '" + env.name() + "': " + e.getMessage());
            }
        }
        return problems;
    }
}
