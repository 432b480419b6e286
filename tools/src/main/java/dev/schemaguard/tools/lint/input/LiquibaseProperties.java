package dev.schemaguard.tools.lint.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase's changelog parameters: {@code ${name}} in a changeset is replaced as Liquibase replaces it, the first
 * value set winning: from the command line ({@code -Dname=value}, as Liquibase's own CLI takes them), then from
 * {@code parameter.name} in the nearest {@code liquibase.properties} (the changelog's directory or an ancestor), then
 * from {@code <property>} entries. A name without a value is left as written (and lints as the text it is).
 */
final class LiquibaseProperties {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    /** The command line's parameters, for the reading in progress on this thread (changelogs are read sequentially). */
    private static final ThreadLocal<Map<String, String>> GIVEN = ThreadLocal.withInitial(Map::of);

    private LiquibaseProperties() {}

    static <T> T withGiven(Map<String, String> given, java.util.function.Supplier<T> read) {
        Map<String, String> before = GIVEN.get();
        GIVEN.set(Map.copyOf(given));
        try {
            return read.get();
        } finally {
            GIVEN.set(before);
        }
    }

    static Map<String, String> parametersNear(Path changelog) {
        Map<String, String> parameters = new LinkedHashMap<>(GIVEN.get());
        for (Path dir = changelog.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("liquibase.properties");
            if (Files.isRegularFile(file)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                } catch (IOException e) {
                    return parameters; // unreadable: no parameters, the references stay as written
                }
                for (String key : properties.stringPropertyNames()) {
                    if (key.startsWith("parameter.")) {
                        parameters.putIfAbsent(key.substring("parameter.".length()), properties.getProperty(key));
                    }
                }
                return parameters;
            }
        }
        return parameters;
    }

    static String substitute(String sql, Map<String, String> parameters) {
        if (parameters.isEmpty() || !sql.contains("${")) {
            return sql;
        }
        Matcher m = REFERENCE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
