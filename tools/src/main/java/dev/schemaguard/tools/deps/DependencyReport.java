package dev.schemaguard.tools.deps;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.schemaguard.tools.deps.code.CodeSite;

import java.util.List;
import java.util.Locale;

/**
 * What depends on a table or column. {@code code} is empty until code roots are scanned; {@code blindSpots} says what
 * was not looked at, in every answer, so an empty list is never read as "nothing depends on it".
 */
public record DependencyReport(
        String target,
        String environment,
        List<DatabaseDependency> database,
        List<CodeSite> code,
        @JsonProperty("blind_spots") List<String> blindSpots) {

    /** The graph as a Mermaid diagram: the target, what depends on it (through what), and the services using it. */
    @JsonProperty("mermaid")
    public String mermaid() {
        StringBuilder out = new StringBuilder("graph LR\n  target[\"" + target + "\"]\n");
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        for (DatabaseDependency d : database) {
            String id = ids.computeIfAbsent(d.kind() + ":" + d.object(), k -> "n" + ids.size());
            String from = d.via() == null
                    ? "target"
                    : ids.getOrDefault(
                            "foreign-key:" + d.via(),
                            ids.getOrDefault(
                                    "view:" + d.via(), ids.getOrDefault("materialized-view:" + d.via(), "target")));
            out.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(d.kind())
                    .append(": ")
                    .append(d.object().replace("\"", "'"))
                    .append("\"]\n");
            out.append("  ")
                    .append(inward(d) ? id + " --> " + from : from + " --> " + id)
                    .append('\n');
        }
        int i = 0;
        for (java.util.Map.Entry<String, Long> e : servicesUsingIt().entrySet()) {
            out.append("  s")
                    .append(i++)
                    .append("([\"service ")
                    .append(e.getKey().replace("\"", "'"))
                    .append(": ")
                    .append(e.getValue())
                    .append(" site(s)\"]) --> target\n");
        }
        return out.toString();
    }

    private java.util.Map<String, Long> servicesUsingIt() {
        return code.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        CodeSite::service, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** The target depends on these (what it references, its parent); everything else depends on the target. */
    private static boolean inward(DatabaseDependency d) {
        return d.kind().equals("references") || d.kind().equals("parent");
    }

    /** The same graph for Graphviz. */
    public String dot() {
        StringBuilder out = new StringBuilder(
                "digraph dependencies {\n  rankdir=LR;\n  \"" + target + "\" [shape=box, style=bold];\n");
        for (DatabaseDependency d : database) {
            String node = d.kind() + ": " + d.object();
            String from = d.via() == null ? target : d.via();
            out.append("  \"")
                    .append(esc(inward(d) ? node : from))
                    .append("\" -> \"")
                    .append(esc(inward(d) ? from : node))
                    .append("\";\n");
        }
        servicesUsingIt()
                .keySet()
                .forEach(service -> out.append("  \"service ")
                        .append(esc(service))
                        .append("\" -> \"")
                        .append(esc(target))
                        .append("\" [style=dashed];\n"));
        return out.append("}\n").toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public String toText() {
        StringBuilder out =
                new StringBuilder("Dependencies of " + target + (environment == null ? "" : " in '" + environment + "'")
                        + ": " + database.size() + " in the database, " + code.size() + " in code\n");
        for (DatabaseDependency d : database) {
            out.append("  ")
                    .append("  ".repeat(Math.max(0, d.depth() - 1)))
                    .append(d.kind().toUpperCase(Locale.ROOT))
                    .append(' ')
                    .append(d.object())
                    .append(" — ")
                    .append(d.detail());
            if (d.via() != null) {
                out.append(" (via ").append(d.via()).append(')');
            }
            if (!d.confidence().equals("certain")) {
                out.append(" [").append(d.confidence()).append(']');
            }
            out.append('\n');
        }
        String service = null;
        for (CodeSite c : code) {
            if (!c.service().equals(service)) {
                service = c.service();
                out.append("  service ").append(service).append(":\n");
            }
            out.append("    ")
                    .append(c.file())
                    .append(':')
                    .append(c.line())
                    .append("  ")
                    .append(c.kind())
                    .append(", ")
                    .append(c.access())
                    .append(", ")
                    .append(c.confidence())
                    .append(" — ")
                    .append(c.evidence())
                    .append('\n');
        }
        out.append("Not looked at:\n");
        blindSpots.forEach(b -> out.append("  - ").append(b).append('\n'));
        return out.toString();
    }
}
