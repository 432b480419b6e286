package dev.schemaguard.server.cli;

/**
 * Text from a migration, a database or a file, made safe to print on a terminal: control characters (ANSI escapes
 * that could move the cursor, clear lines or hide text from the person reading) are shown as {@code \x1b}-style
 * escapes, so what an approver reads is what the text holds.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)
                    || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                out.append(String.format("\\x%02x", c > 0xff ? c & 0xff : c));
                if (c > 0xff) {
                    out.append("(U+").append(String.format("%04X", c)).append(')');
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
