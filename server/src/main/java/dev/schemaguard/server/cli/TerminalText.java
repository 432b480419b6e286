package dev.schemaguard.server.cli;

import dev.schemaguard.tools.text.HiddenCharacters;

/**
 * Text from a migration, a database or a file, made safe to print on a terminal: control characters (ANSI escapes
 * that could move the cursor, clear lines or hide text from the person reading) are shown as {@code \x1b}-style
 * escapes, so what an approver reads is what the text holds.
 */
final class TerminalText {

    private TerminalText() {}

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (HiddenCharacters.isHidden(c) && c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            } else if (HiddenCharacters.isHidden(c)) {
                out.append("⟦")
                        .append(HiddenCharacters.describe(c))
                        .append("⟧"); // a bidi override, a zero-width space …
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
