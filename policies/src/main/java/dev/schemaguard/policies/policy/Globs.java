package dev.schemaguard.policies.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shell-style globs ({@code prod-*}, {@code billing.*}) for environment and table names; case-insensitive. */
final class Globs {

    private Globs() {
    }

    static boolean matches(String glob, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value != null && value.toLowerCase(Locale.ROOT).matches(regex.toString());
    }
}
