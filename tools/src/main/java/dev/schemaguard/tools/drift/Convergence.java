package dev.schemaguard.tools.drift;

import java.util.List;

/**
 * The SQL that makes the second side of a comparison like the first, and what running it on a sandbox copy of the
 * second side showed: {@code proven} (no difference remains), {@code differences-remain} (they are named), or
 * {@code failed} (a statement failed; the error is in the notes). Never run on either environment.
 *
 * @param irreversible what the statements destroy (a dropped column's values …): the second side cannot get them back
 */
public record Convergence(
        String verdict,
        List<String> statements,
        List<String> irreversible,
        List<String> notes,
        List<CompareSchemas.Difference> remaining) {

    public String toText(String first, String second) {
        StringBuilder out = new StringBuilder();
        out.append("SQL that makes '")
                .append(second)
                .append("' like '")
                .append(first)
                .append("' (")
                .append(
                        switch (verdict) {
                            case "proven" -> "proven on a sandbox copy of '" + second + "': no difference remains";
                            case "differences-remain" ->
                                "run on a sandbox copy of '" + second + "': " + remaining.size()
                                        + " difference(s) remain";
                            default -> "it failed on a sandbox copy of '" + second + "'";
                        })
                .append("; never run on either environment):\n");
        statements.forEach(s -> out.append("  ")
                .append(s.replace("\n", "\n  "))
                .append(s.endsWith(";") ? "" : ";")
                .append('\n'));
        irreversible.forEach(i -> out.append("  data loss: ").append(i).append('\n'));
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        remaining.forEach(d -> out.append("  still different: ")
                .append(d.kind())
                .append(' ')
                .append(d.object())
                .append('\n'));
        return out.toString();
    }
}
