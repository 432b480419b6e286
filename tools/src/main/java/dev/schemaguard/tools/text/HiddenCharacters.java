package dev.schemaguard.tools.text;

/**
 * Characters a person cannot see but a database receives: controls, format characters (bidi overrides and isolates,
 * zero-width spaces and joiners, the byte-order mark, soft hyphens) and line or paragraph separators. Where SQL is shown
 * to a person who decides on it, each is shown visibly and flagged, so that what they read is what runs.
 */
public final class HiddenCharacters {

    private HiddenCharacters() {}

    /** Hidden, or able to reorder or hide what follows; newline and tab are ordinary. */
    public static boolean isHidden(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
    }

    public static long count(String text) {
        return text == null
                ? 0
                : text.codePoints().filter(HiddenCharacters::isHidden).count();
    }

    /** E.g. "U+202E RIGHT-TO-LEFT OVERRIDE". */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
    }
}
