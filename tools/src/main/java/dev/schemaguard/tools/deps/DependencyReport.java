package dev.schemaguard.tools.deps;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.schemaguard.tools.deps.code.CodeSite;

import java.util.List;
import java.util.Locale;

/**
 * What depends on a table or column. {@code code} is empty until code roots are scanned; {@code blindSpots} says what
 * was not looked at, in every answer, so an empty list is never read as "nothing depends on it".
 */
public record DependencyReport(String target, String environment, List<DatabaseDependency> database, List<CodeSite> code,
                               @JsonProperty("blind_spots") List<String> blindSpots, String mermaid) {

    /** The same graph for Graphviz. */
    public String dot() {
        StringBuilder out = new StringBuilder("digraph dependencies {\n  rankdir=LR;\n  \"" + target + "\" [shape=box, style=bold];\n");
        for (DatabaseDependency d : database) {
            String node = d.kind() + ": " + d.object();
            String from = d.via() == null ? target : d.via();
            boolean inward = d.kind().equals("references") || d.kind().equals("parent");
            out.append("  \"").append(esc(inward ? node : from)).append("\" -> \"").append(esc(inward ? from : node)).append("\";\n");
        }
        code.stream().map(CodeSite::service).distinct().forEach(service ->
                out.append("  \"service ").append(esc(service)).append("\" -> \"").append(esc(target)).append("\" [style=dashed];\n"));
        return out.append("}\n").toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public String toText() {
        StringBuilder out = new StringBuilder("Dependencies of " + target + (environment == null ? "" : " in '" + environment + "'")
                + ": " + database.size() + " in the database, " + code.size() + " in code\n");
        for (DatabaseDependency d : database) {
            out.append("  ").append("  ".repeat(Math.max(0, d.depth() - 1))).append(d.kind().toUpperCase(Locale.ROOT)).append(' ')
                    .append(d.object()).append(" — ").append(d.detail());
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
            out.append("    ").append(c.file()).append(':').append(c.line()).append("  ").append(c.kind()).append(", ").append(c.access())
                    .append(", ").append(c.confidence()).append(" — ").append(c.evidence()).append('\n');
        }
        out.append("Not looked at:\n");
        blindSpots.forEach(b -> out.append("  - ").append(b).append('\n'));
        return out.toString();
    }
}
