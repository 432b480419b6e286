package dev.schemaguard.tools.deps.code;

import dev.schemaguard.tools.deps.code.FileSummary.Found;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files read as text, not parsed: MyBatis mapper XML, SQL files, and string literals that look like SQL in Kotlin,
 * Python, Go, TypeScript and JavaScript (lower confidence).
 */
final class TextFileSummarizer {

    private static final Pattern STRING = Pattern.compile(
            "(?s)\"\"\"(.*?)\"\"\"|'''(.*?)'''|`([^`]*)`|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern MYBATIS = Pattern.compile("(?is)<(select|insert|update|delete)\\b[^>]*>(.*?)</\\1>");
    private static final Pattern FRAGMENT =
            Pattern.compile("(?is)<sql\\s[^>]*\\bid\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</sql>");
    private static final Pattern NAMESPACE = Pattern.compile("(?is)<mapper\\s[^>]*\\bnamespace\\s*=\\s*\"([^\"]+)\"");
    /** Where Debezium connectors and Spring Cloud Stream bindings are configured. */
    static final Pattern CONFIGURATION = Pattern.compile(".*\\.(json|properties|ya?ml)$");

    private static final Pattern OTHER_LANGUAGES = Pattern.compile(".*\\.(kt|kts|py|go|ts|js|mjs)$");

    private TextFileSummarizer() {}

    static FileSummary summarize(String fileName, String text) {
        List<Found> found = new ArrayList<>();
        if (fileName.endsWith(".xml")) {
            if (text.contains("<mapper")) {
                Map<String, String> fragments = new LinkedHashMap<>();
                Matcher f = FRAGMENT.matcher(text);
                while (f.find()) {
                    fragments.put(f.group(1), f.group(2));
                }
                List<FileSummary.MapperStatement> withIncludes = new ArrayList<>();
                Matcher m = MYBATIS.matcher(text);
                while (m.find()) {
                    if (m.group(2).contains("<include")) {
                        withIncludes.add(new FileSummary.MapperStatement(lineOf(text, m.start()), m.group(2)));
                    } else {
                        found.addAll(CodeModel.sql(
                                lineOf(text, m.start()), "mybatis-sql", mybatisText(m.group(2)), "medium"));
                    }
                }
                if (!fragments.isEmpty() || !withIncludes.isEmpty()) {
                    Matcher ns = NAMESPACE.matcher(text);
                    return new FileSummary(
                            List.of(),
                            Map.of(),
                            List.of(),
                            List.of(),
                            found,
                            null,
                            null,
                            new FileSummary.MapperXml(ns.find() ? ns.group(1) : "", fragments, withIncludes),
                            null);
                }
            }
        } else if (CONFIGURATION.matcher(fileName).matches()) {
            return FileSummary.ofEvents(EventCode.readConfiguration(text));
        } else if (fileName.endsWith(".sql")) {
            for (Found f : CodeModel.sql(1, "sql-file", text, "medium")) {
                found.add(new Found(
                        firstLine(text, f.table()),
                        f.kind(),
                        f.access(),
                        f.confidence(),
                        f.table(),
                        null,
                        f.evidence(),
                        f.text()));
            }
        } else if (OTHER_LANGUAGES.matcher(fileName).matches()) {
            Matcher m = STRING.matcher(text);
            while (m.find()) {
                String literal = firstNonNull(m);
                if (SqlReferences.looksLikeSql(literal)) {
                    found.addAll(CodeModel.sql(lineOf(text, m.start()), "sql-string", literal, "low"));
                }
            }
            List<EnumCode.ValueSwitch> switches = TextSwitches.read(text);
            if (!switches.isEmpty()) {
                return new FileSummary(
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        found,
                        null,
                        new EnumCode.Facts(List.of(), List.of(), switches),
                        null,
                        null);
            }
        }
        return FileSummary.ofSites(found);
    }

    /**
     * A statement's SQL: its dynamic tags gone, attributes and all ({@code <bind>}'s value is OGNL, inside its tag;
     * {@code <if>} keeps its text).
     */
    static String mybatisText(String body) {
        return body.replaceAll("<[^>]+>", " ");
    }

    private static String firstNonNull(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstLine(String text, String table) {
        Matcher m = Pattern.compile("(?i)(?<![\\w.])(\\w+\\.)?\"?" + Pattern.quote(table) + "\"?(?!\\w)")
                .matcher(text);
        return m.find() ? lineOf(text, m.start()) : 1;
    }
}
