package dev.schemaguard.tools.schema.ddl;

/** A name as the script writes it ({@code public.film}, {@code "Mixed Case"."Odd ""Name"""}), split where the dot is. */
record QualifiedName(String schema, String name) {

    static QualifiedName of(String text) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot < 0
                ? new QualifiedName(null, text)
                : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The name without quotes. */
    String bareName() {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    String qualify(String otherName) {
        return schema == null ? otherName : schema + "." + otherName;
    }
}
