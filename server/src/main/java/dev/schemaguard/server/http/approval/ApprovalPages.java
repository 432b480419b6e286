package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.tools.text.HiddenCharacters;

/**
 * The approval page and the approver registration page, as HTML. Everything that comes from a request — the SQL, the
 * reasons, the evidence, names — is data: escaped, never markup; the script is a separate file (no inline script).
 */
final class ApprovalPages {

    private ApprovalPages() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Text for a person to read and decide on: escaped like {@link #escape}, and every character they could not see
     * (a bidi override that makes {@code OR id > 0} look commented out, a zero-width space) shown as a marked
     * {@code ⟦U+202E⟧} naming it.
     */
    static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (HiddenCharacters.isHidden(c)) {
                out.append("<mark class=\"hidden-char\" title=\"")
                        .append(escape(HiddenCharacters.describe(c)))
                        .append("\">⟦")
                        .append(String.format("U+%04X", c))
                        .append("⟧</mark>");
            } else {
                out.append(escape(new String(Character.toChars(c))));
            }
        });
        return out.toString();
    }

    private static String page(String title, String bodyAttributes, String content) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
                pre{background:#f4f4f4;padding:1rem;overflow-x:auto;border-radius:4px}
                dt{font-weight:600}dd{margin:0 0 .5rem 0}
                button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}
                .approve{background:#1a7f37;color:#fff;border:0}.reject{background:#cf222e;color:#fff;border:0}
                #result{font-weight:600}
                mark.hidden-char{background:#ffd8b5;color:#8a2500;font-weight:700}.warning{background:#fff1c2;padding:.75rem;border-left:4px solid #bf8700}
                </style></head>
                <body %s>
                %s
                <script src="/approve/passkeys.js"></script>
                </body></html>
                """.formatted(escape(title), bodyAttributes, content);
    }

    static String approval(ApprovalRequest r) {
        StringBuilder c = new StringBuilder();
        c.append("<h1>Approve a migration on <code>")
                .append(escape(r.environment()))
                .append("</code>?</h1>\n");
        c.append("<p>Request <code>")
                .append(escape(r.id()))
                .append("</code> — status: <strong id=\"status\">")
                .append(escape(r.status()))
                .append("</strong></p>\n<dl>\n");
        c.append("<dt>Requested by</dt><dd>")
                .append(escape(r.requester()))
                .append(" at ")
                .append(escape(r.created().toString()))
                .append("</dd>\n");
        c.append("<dt>Expires</dt><dd>").append(escape(r.expires().toString())).append("</dd>\n");
        c.append("<dt>Needs</dt><dd>").append(escape(r.needs().describe())).append("</dd>\n");
        c.append("<dt>SQL SHA-256 (what your passkey signs off, with the environment and the evidence)</dt><dd><code>")
                .append(escape(r.sqlSha256()))
                .append("</code></dd>\n</dl>\n");
        c.append("<h2>Why approval is needed</h2>\n<ul>\n");
        r.reasons().forEach(reason -> c.append("<li>").append(visible(reason)).append("</li>\n"));
        c.append("</ul>\n<h2>SQL, exactly as it will run</h2>\n");
        long hidden = HiddenCharacters.count(r.sql());
        if (hidden > 0) {
            c.append("<p class=\"warning\" id=\"hidden-warning\">This SQL holds ")
                    .append(hidden)
                    .append(" character(s) you could not "
                            + "otherwise see (direction overrides, zero-width or control characters), marked ⟦U+…⟧ below. PostgreSQL receives them: "
                            + "read the SQL around each one as it is written, not as it looks.</p>\n");
        }
        c.append("<pre id=\"sql\">").append(visible(r.sql())).append("</pre>\n");
        c.append("<h2>Evidence</h2>\n");
        if (r.evidenceReportId() == null) {
            c.append("<p>No check_migration report: the policy asks for none, and none could be run.</p>\n");
        } else {
            c.append("<p>check_migration report <code>")
                    .append(escape(r.evidenceReportId()))
                    .append("</code>: ")
                    .append(
                            r.evidence().isEmpty()
                                    ? "for your information (the policy requires no evidence)"
                                    : "shows " + escape(String.join(", ", r.evidence())))
                    .append("</p>\n<pre id=\"evidence\">")
                    .append(visible(r.evidenceDetail()))
                    .append("</pre>\n");
        }
        if (!r.votes().isEmpty()) {
            c.append("<h2>Answers so far</h2>\n<ul>\n");
            r.votes()
                    .forEach(v -> c.append("<li>")
                            .append(escape(v.who()))
                            .append(" (")
                            .append(escape(v.via()))
                            .append(") ")
                            .append(escape(v.decision()))
                            .append(" at ")
                            .append(escape(v.at().toString()))
                            .append(v.comment() == null ? "" : ": " + escape(v.comment()))
                            .append("</li>\n"));
            c.append("</ul>\n");
        }
        if (r.status().equals("pending")) {
            c.append("""
                    <h2>Your answer</h2>
                    <p><label for="comment">Comment (recorded in the audit log)</label><br>
                    <textarea id="comment" rows="3" cols="60"></textarea></p>
                    <p><button id="approve" class="approve" data-decision="approve">Approve with my passkey</button>
                    <button id="reject" class="reject" data-decision="reject">Reject with my passkey</button></p>
                    """);
        }
        c.append("<p id=\"result\" role=\"status\"></p>\n");
        return page("schemaguard — " + r.id(), "data-request=\"" + escape(r.id()) + "\"", c.toString());
    }

    static String registration(boolean first) {
        String how = first
                ? "<p>No approver is registered yet. Enter the one-time bootstrap code the server printed on its console when it started.</p>"
                : "<p>Enter the bootstrap code, or have a registered approver vouch for you with their passkey.</p>";
        return page("schemaguard — register an approver", "data-page=\"register\"", """
                <h1>Register an approver's passkey</h1>
                %s
                <p><label for="name">Your user name</label><br><input id="name" autocomplete="username"></p>
                <p><label for="code">Bootstrap code</label><br><input id="code" autocomplete="off"></p>
                <p><button id="register">Register with the bootstrap code</button>
                <button id="vouch">An approver vouches with their passkey</button></p>
                <p id="result" role="status"></p>
                """.formatted(how));
    }
}
