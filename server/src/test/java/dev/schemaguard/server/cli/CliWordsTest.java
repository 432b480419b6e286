package dev.schemaguard.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliWordsTest {

    @Test
    void toolNamesBecomeTheCommandsAPersonTypes() {
        assertThat(CliWords.of(
                        "Unknown environment 'prod'. Known environments: dev. Call list_environments to see them."))
                .isEqualTo(
                        "Unknown environment 'prod'. Known environments: dev. Run `schemaguard environments` to see them.");
        assertThat(CliWords.of("Then call apply_migration again with exactly the same SQL"))
                .isEqualTo("Then run `schemaguard apply` again with exactly the same SQL");
        assertThat(CliWords.of("the policy asks for check_migration evidence"))
                .isEqualTo("the policy asks for `schemaguard check` evidence");
        assertThat(CliWords.of("dry_run_helper and my_check_migration_x stay"))
                .isEqualTo("dry_run_helper and my_check_migration_x stay");
    }
}
