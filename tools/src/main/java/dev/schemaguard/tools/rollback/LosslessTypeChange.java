package dev.schemaguard.tools.rollback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column's type and back gives every value back: widening a length or a precision, a smaller
 * integer into a larger one, a collation, {@code char(n)} into {@code varchar}/{@code text} (blank-padding comes back
 * when the type does). Narrowing, text into JSON, timestamps across time zones and the like are not.
 */
final class LosslessTypeChange {

    private static final Pattern SIZED =
            Pattern.compile("(character varying|character|numeric|bit varying|bit)\\((\\d+)(?:,(\\d+))?\\)");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint", "numeric");

    private LosslessTypeChange() {}

    /** @param from the column's type before the migration; {@code to} after it (as the schema script writes them) */
    static boolean of(String from, String to) {
        String a = withoutCollation(from);
        String b = withoutCollation(to);
        if (a.equals(b)) {
            return true;
        }
        if (a.endsWith("[]") != b.endsWith("[]")) {
            return false;
        }
        a = a.replace("[]", "");
        b = b.replace("[]", "");
        Matcher sa = SIZED.matcher(a);
        Matcher sb = SIZED.matcher(b);
        boolean sizedA = sa.matches();
        boolean sizedB = sb.matches();
        String baseA = sizedA ? sa.group(1) : a;
        String baseB = sizedB ? sb.group(1) : b;
        if ((baseA.equals("character varying") || baseA.equals("character"))
                && (b.equals("text") || b.equals("character varying"))) {
            return true;
        }
        if ((baseA.equals("character varying") || baseA.equals("character"))
                && baseB.equals("character varying")
                && sizedB) {
            return !sizedA || Integer.parseInt(sb.group(2)) >= Integer.parseInt(sa.group(2));
        }
        if (a.equals("text") && b.equals("character varying")) {
            return true;
        }
        if (baseA.equals("numeric") && baseB.equals("numeric")) {
            if (!sizedB) {
                return true;
            }
            if (!sizedA) {
                return false;
            }
            int scaleA = sa.group(3) == null ? 0 : Integer.parseInt(sa.group(3));
            int scaleB = sb.group(3) == null ? 0 : Integer.parseInt(sb.group(3));
            return scaleB >= scaleA && Integer.parseInt(sb.group(2)) - scaleB >= Integer.parseInt(sa.group(2)) - scaleA;
        }
        int ia = INTEGERS.indexOf(a);
        int ib = INTEGERS.indexOf(baseB);
        if (ia >= 0 && ia < 3 && ib > ia) {
            return ib < 3
                    || !sizedB
                    || Integer.parseInt(sb.group(2)) - (sb.group(3) == null ? 0 : Integer.parseInt(sb.group(3)))
                            >= new int[] {5, 10, 19}[ia];
        }
        return a.equals("real") && b.equals("double precision");
    }

    private static String withoutCollation(String type) {
        int at = type.indexOf(" COLLATE ");
        return (at < 0 ? type : type.substring(0, at)).strip();
    }
}
