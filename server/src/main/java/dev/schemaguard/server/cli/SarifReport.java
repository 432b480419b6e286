package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.rules.LintRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lint report as SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) import. */
final class SarifReport {

    private static final String RULES_URL = "https://github.com/schemaguard/schemaguard/blob/main/docs/rules/";

    private SarifReport() {}

    static String of(LintReport report) {
        List<LintRule> rules = LintRules.all();
        List<Map<String, Object>> descriptors = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (LintRule rule : rules) {
            index.put(rule.id(), descriptors.size());
            descriptors.add(ordered(
                    "id", rule.id(),
                    "name", rule.id(),
                    "shortDescription", Map.of("text", rule.id().replace('-', ' ')),
                    "fullDescription", Map.of("text", rule.explanation()),
                    "helpUri", RULES_URL + rule.id() + ".md",
                    "defaultConfiguration",
                            Map.of(
                                    "level",
                                    level(rule.defaultSeverity()),
                                    "enabled",
                                    rule.defaultSeverity() != Severity.OFF),
                    "properties",
                            Map.of(
                                    "category",
                                    rule.category().label(),
                                    "lock",
                                    rule.lock().sqlName(),
                                    "postgresVersions",
                                    rule.appliesTo().toString())));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> region =
                    ordered("startLine", Math.max(1, f.line()), "startColumn", Math.max(1, f.column()));
            Map<String, Object> location = Map.of(
                    "physicalLocation", ordered("artifactLocation", Map.of("uri", uri(f.file())), "region", region));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("category", f.category().label());
            properties.put("lock", f.lock().sqlName());
            if (f.fix() != null) {
                properties.put("fix", f.fix());
            }
            results.add(ordered(
                    "ruleId", f.rule(),
                    "ruleIndex", index.getOrDefault(f.rule(), -1),
                    "level", level(f.severity()),
                    "message", Map.of("text", f.message() + (f.fix() == null ? "" : "\nFix:\n" + f.fix())),
                    "locations", List.of(location),
                    "partialFingerprints", Map.of("schemaguard/v1", f.fingerprint()),
                    "properties", properties));
        }
        Map<String, Object> driver = ordered(
                "name",
                "schemaguard",
                "informationUri",
                "https://github.com/schemaguard/schemaguard",
                "version",
                SchemaguardMain.version(),
                "rules",
                descriptors);
        Map<String, Object> run =
                ordered("tool", Map.of("driver", driver), "results", results, "columnKind", "unicodeCodePoints");
        return Json.pretty(ordered(
                        "$schema",
                        "https://json.schemastore.org/sarif-2.1.0.json",
                        "version",
                        "2.1.0",
                        "runs",
                        List.of(run)))
                + "\n";
    }

    private static String uri(String file) {
        Path path = Path.of(file);
        return path.isAbsolute() ? path.toUri().toString() : file.replace('\\', '/');
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, OFF -> "note";
        };
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
