package dev.schemaguard.server.http.approval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPagesTest {

    /** The attack that worked: a right-to-left override made "OR id > 0" read as part of a comment. */
    @Test
    void directionOverridesAndZeroWidthCharactersAreShownMarkedNotObeyed() {
        String sql = "UPDATE accounts SET tier = 'gold' WHERE id = 1 /*\u202E */ OR id > 0 -- \u2066\u200B;";
        String html = ApprovalPages.visible(sql);
        assertThat(html).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u200B");
        assertThat(html)
                .contains("⟦U+202E⟧")
                .contains("title=\"U+202E RIGHT-TO-LEFT OVERRIDE\"")
                .contains("⟦U+2066⟧")
                .contains("⟦U+200B⟧")
                .contains("OR id &gt; 0");
        assertThat(ApprovalPages.visible("SELECT 'naïve café' -- ünïcödé"))
                .isEqualTo("SELECT &#39;naïve café&#39; -- ünïcödé");
    }
}
