package dev.schemaguard.tools.deps.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switches over string values in the other languages the index reads, from their text (no parser): TypeScript and
 * JavaScript {@code switch (x) { case "a": … default: … }}, Go {@code switch x { case "a", "b": … }}, Kotlin
 * {@code when (x) { "a" -> … else -> … }} and Python {@code match x: case "a": … case _: …}. What a value no case
 * names meets is read from the default branch (a throw, raise, panic or Kotlin's error()). Found with low confidence:
 * the selector's type is not known, only that every label is one of a type's values.
 */
final class TextSwitches {

    private static final Pattern BRACE_START =
            Pattern.compile("\\b(switch|when)\\s*(?:\\((.+)\\)|(\\S[^{]*?))\\s*\\{\\s*(?://.*)?$");
    private static final Pattern MATCH_START = Pattern.compile("^(\\s*)match\\s+(.+?):\\s*(?:#.*)?$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern CASE_LABELS = Pattern.compile("^\\s*case\\s+(.+?)\\s*:\\s*(.*)$");
    private static final Pattern KOTLIN_LABELS = Pattern.compile("^\\s*(.+?)\\s*->\\s*(.*)$");
    private static final Pattern DEFAULT = Pattern.compile("^\\s*(default\\s*:|else\\s*->|case\\s+_\\s*:)(.*)$");
    private static final Pattern ONLY_STRINGS = Pattern.compile(
            "\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')(\\s*(,|\\|)\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'))*\\s*");
    private static final Pattern THROWS = Pattern.compile("\\b(throw|raise|panic\\s*\\(|error\\s*\\()");

    private TextSwitches() {}

    static List<EnumCode.ValueSwitch> read(String text) {
        List<String> lines = text.lines().toList();
        List<EnumCode.ValueSwitch> switches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher brace = BRACE_START.matcher(lines.get(i));
            Matcher match = MATCH_START.matcher(lines.get(i));
            if (brace.find()) {
                String selector = brace.group(2) != null ? brace.group(2) : brace.group(3);
                String form = brace.group(1);
                int end = braceBlockEnd(lines, i);
                read(lines.subList(i + 1, end), form.equals("when"), selector.strip(), form, i + 1)
                        .ifPresent(switches::add);
            } else if (match.find()) {
                int indent = match.group(1).length();
                int end = i + 1;
                while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > indent)) {
                    end++;
                }
                read(lines.subList(i + 1, end), false, match.group(2).strip(), "match", i + 1)
                        .ifPresent(switches::add);
            }
        }
        return switches;
    }

    private static java.util.Optional<EnumCode.ValueSwitch> read(
            List<String> body, boolean kotlin, String selector, String form, int line) {
        List<String> labels = new ArrayList<>();
        String whenNoCase = "none";
        boolean inDefault = false;
        int depth = 0;
        for (String raw : body) {
            String l = raw.strip();
            boolean top = depth == 0;
            depth += count(raw, '{') - count(raw, '}');
            if (!top) {
                if (inDefault && THROWS.matcher(l).find()) {
                    whenNoCase = "throws";
                }
                continue;
            }
            Matcher d = DEFAULT.matcher(l);
            if (d.find()) {
                inDefault = true;
                whenNoCase = THROWS.matcher(d.group(2)).find() ? "throws" : "handled";
                continue;
            }
            Matcher c = kotlin ? KOTLIN_LABELS.matcher(l) : CASE_LABELS.matcher(l);
            if (c.find()) {
                if (!ONLY_STRINGS.matcher(c.group(1)).matches()) {
                    return java.util.Optional.empty(); // numbers, patterns, conditions: not a type's values
                }
                inDefault = false;
                Matcher q = QUOTED.matcher(c.group(1));
                while (q.find()) {
                    labels.add(q.group(1) != null ? q.group(1) : q.group(2));
                }
            } else if (inDefault && THROWS.matcher(l).find()) {
                whenNoCase = "throws";
            }
        }
        if (labels.size() < 2) {
            return java.util.Optional.empty();
        }
        String shown = selector.length() > 80 ? selector.substring(0, 77) + "..." : selector;
        return java.util.Optional.of(
                new EnumCode.ValueSwitch(line, shown, true, List.copyOf(labels), whenNoCase, form));
    }

    /** The index of the line that closes the block opened on line {@code start} (or the end of the text). */
    private static int braceBlockEnd(List<String> lines, int start) {
        int depth = 0;
        for (int i = start; i < lines.size(); i++) {
            depth += count(lines.get(i), '{') - count(lines.get(i), '}');
            if (depth <= 0 && i > start) {
                return i;
            }
        }
        return lines.size();
    }

    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quoted = false;
                }
            } else if (ch == '"' || ch == '\'' || ch == '`') {
                quoted = true;
                quote = ch;
            } else if (ch == c) {
                n++;
            }
        }
        return n;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }
}
