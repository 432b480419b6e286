package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.rules.LintRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule against its fixture, {@code src/test/resources/lint/<rule-id>.sql}: a statement preceded by
 * {@code -- violation '<rule-id>'} must be flagged by that rule, and every other statement in the file (the safe
 * variants) must not; a marker may add a fragment its message must contain, {@code -- violation '<rule-id>' 'fragment'}.
 * As Checkstyle's inline markers: the expectation sits next to the SQL it is about. Header
 * comments set the context: {@code -- target-version: 11}, {@code -- in-transaction}, and
 * {@code -- schema: shop.orders(id bigint, note varchar(20)) 5000000 rows} for what an environment would report.
 */
class LintRuleFixturesTest {

    /** {@code -- violation 'rule-id'}, optionally with a fragment of the expected message: {@code 'fragment'}. */
    static final Pattern MARKER = Pattern.compile("--\\s*violation\\s+'([a-z0-9-]+)'(?:\\s+'([^']*)')?");

    static List<String> ruleIds() {
        return LintRules.all().stream().map(LintRule::id).toList();
    }

    /** {@code <rule-id>.sql}, plus variants such as {@code <rule-id>.pg11.sql} for other versions or contexts. */
    static List<String> fixtures() throws Exception {
        Path dir = Path.of(LintRuleFixturesTest.class.getResource("/lint").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureMatchesItsInlineMarkers(String fixtureName) throws IOException {
        String ruleId = fixtureName.contains(".") ? fixtureName.substring(0, fixtureName.indexOf('.')) : fixtureName;
        assertThat(ruleIds()).as("fixture %s.sql names a rule", fixtureName).contains(ruleId);
        String sql = fixture(fixtureName);
        LintRule rule = LintRules.all().stream()
                .filter(r -> r.id().equals(ruleId))
                .findFirst()
                .orElseThrow();
        FixtureHeader header = FixtureHeader.of(sql);
        Severity severity = rule.defaultSeverity() == Severity.OFF ? Severity.WARNING : rule.defaultSeverity();
        LintSettings settings = new LintSettings(
                header.targetVersion(),
                header.inTransaction(),
                Map.of(ruleId, severity),
                LintSettings.DEFAULT_BIG_TABLE_ROWS,
                List.of(),
                null);
        // every rule runs (ignores and state depend on all of them); the fixture is about this one
        List<Finding> findings = new LintMigration(LintRules.all(), settings, header.schema())
                .lint(sql, fixtureName + ".sql", header.inTransaction()).stream()
                        .filter(f -> f.rule().equals(ruleId))
                        .toList();

        Set<Integer> expected = new TreeSet<>();
        Map<Integer, String> fragments = new java.util.HashMap<>();
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find()) {
                assertThat(m.group(1))
                        .as("marker on line %d of %s.sql names another rule", i + 1, fixtureName)
                        .isEqualTo(ruleId);
                expected.add(i + 2); // the statement on the next line
                if (m.group(2) != null) {
                    fragments.put(i + 2, m.group(2));
                }
            }
        }
        assertThat(expected).as("the fixture shows at least one violation").isNotEmpty();
        assertThat(findings)
                .extracting(Finding::line)
                .as("lines flagged by %s", ruleId)
                .containsExactlyElementsOf(expected);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(ruleId);
            if (fragments.containsKey(f.line())) {
                assertThat(f.message())
                        .as("message for line %d of %s.sql", f.line(), fixtureName)
                        .contains(fragments.get(f.line()));
            }
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).as("fix for line %d", f.line()).isNotBlank();
        });
    }

    @Test
    void everyRuleHasAFixtureAndAnExplanation() {
        for (LintRule rule : LintRules.all()) {
            assertThat(LintRuleFixturesTest.class.getResource("/lint/" + rule.id() + ".sql"))
                    .as(rule.id())
                    .isNotNull();
            assertThat(rule.explanation()).as(rule.id()).hasSizeGreaterThan(40);
        }
        assertThat(ruleIds()).doesNotHaveDuplicates();
    }

    @Test
    void fixesAreConcreteSqlForTheStatementAtHand() {
        List<Finding> findings = new LintMigration(LintRules.all())
                .lint(
                        "ALTER TABLE shop.orders ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon) REFERENCES shop.coupons (code);",
                        "V2__fk.sql",
                        true);
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("adding-foreign-key-constraint"))
                .singleElement()
                .satisfies(f -> assertThat(f.fix())
                        .contains("REFERENCES shop.coupons (code) NOT VALID;")
                        .contains("ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_coupon_fk;"));
    }

    private static String fixture(String ruleId) throws IOException {
        try (InputStream in = LintRuleFixturesTest.class.getResourceAsStream("/lint/" + ruleId + ".sql")) {
            assertThat(in).as("fixture lint/%s.sql", ruleId).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
