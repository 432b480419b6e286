package dev.schemaguard.tools.deps.code;

import java.util.Locale;

/** Spring Boot's default physical naming (CamelCaseToUnderscoresNamingStrategy): {@code OrderLine} → {@code order_line}. */
final class Naming {

    private Naming() {}

    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)
                    && i > 0
                    && (Character.isLowerCase(name.charAt(i - 1))
                            || Character.isDigit(name.charAt(i - 1))
                            || (i + 1 < name.length()
                                    && Character.isLowerCase(name.charAt(i + 1))
                                    && Character.isUpperCase(name.charAt(i - 1))))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A quoted or schema-qualified name as code writes it, reduced to its last part, unquoted, lower case. */
    static String bare(String name) {
        String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return last.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
