package dev.schemaguard.tools.deps.code;

import dev.schemaguard.tools.deps.code.FileSummary.Found;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files read as text, not parsed: MyBatis mapper XML, SQL files, and string literals that look like SQL in Kotlin,
 * Python, Go, TypeScript and JavaScript (lower confidence).
 */
final class TextFileSummarizer {

    private static final Pattern STRING = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|'''(.*?)'''|`([^`]*)`|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern MYBATIS = Pattern.compile("(?is)<(select|insert|update|delete)\\b[^>]*>(.*?)</\\1>");
    private static final Pattern OTHER_LANGUAGES = Pattern.compile(".*\\.(kt|kts|py|go|ts|js|mjs)$");

    private TextFileSummarizer() {
    }

    static FileSummary summarize(String fileName, String text) {
        List<Found> found = new ArrayList<>();
        if (fileName.endsWith(".xml")) {
            if (text.contains("<mapper")) {
                Matcher m = MYBATIS.matcher(text);
                while (m.find()) {
                    found.addAll(CodeModel.sql(lineOf(text, m.start()), "mybatis-sql", m.group(2).replaceAll("<[^>]+>", " "), "medium"));
                }
            }
        } else if (fileName.endsWith(".sql")) {
            for (Found f : CodeModel.sql(1, "sql-file", text, "medium")) {
                found.add(new Found(firstLine(text, f.table()), f.kind(), f.access(), f.confidence(), f.table(), null, f.evidence(), f.text()));
            }
        } else if (OTHER_LANGUAGES.matcher(fileName).matches()) {
            Matcher m = STRING.matcher(text);
            while (m.find()) {
                String literal = firstNonNull(m);
                if (SqlReferences.looksLikeSql(literal)) {
                    found.addAll(CodeModel.sql(lineOf(text, m.start()), "sql-string", literal, "low"));
                }
            }
        }
        return FileSummary.ofSites(found);
    }

    private static String firstNonNull(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstLine(String text, String table) {
        Matcher m = Pattern.compile("(?i)(?<![\\w.])(\\w+\\.)?\"?" + Pattern.quote(table) + "\"?(?!\\w)").matcher(text);
        return m.find() ? lineOf(text, m.start()) : 1;
    }
}
