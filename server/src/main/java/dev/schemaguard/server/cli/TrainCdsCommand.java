package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.Linter;

import dev.schemaguard.server.mcp.ServerRuntime;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The launcher's training run for the class-data-sharing archive, which records the classes a run loads: lints a
 * sample migration (the CLI's most common one-shot use), then starts the stdio server without environments and exits
 * once it is up.
 */
@Command(name = "train-cds", hidden = true)
final class TrainCdsCommand extends ServerCommand implements Callable<Integer> {

    private static final String SAMPLE_MIGRATION = """
            SET lock_timeout = '5s';
            CREATE TABLE app.t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(20), at timestamp);
            CREATE INDEX t_name_idx ON app.t (name);
            ALTER TABLE app.orders ADD COLUMN c text NOT NULL DEFAULT gen_random_uuid()::text;
            ALTER TABLE app.orders ADD CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES app.t (id);
            ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(50);
            UPDATE app.orders SET c = 'x';
            DROP INDEX app.old_idx;
            DROP TABLE app.legacy CASCADE;
            DO $$ BEGIN EXECUTE 'TRUNCATE app.sessions'; END $$;
            CREATE OR REPLACE FUNCTION app.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            GRANT SELECT ON app.t TO reporting;
            """;

    @Override
    public Integer call() {
        LintReport sample = new Linter(new JdbcEnvironments(List.of()), LintSettings.defaults())
                .lint(new LintRequest(SAMPLE_MIGRATION, null, null, null, null, null));
        LintJson.write(java.io.Writer.nullWriter(), sample);
        sample.toText();
        SchemaguardConfig empty = SchemaguardConfig.of(List.of());
        startServer(new ServerRuntime(empty, new JdbcEnvironments(List.of()), List.of(), null, null),
                transport(empty.server()), true);
        return SchemaguardMain.OK;
    }
}
