package dev.schemaguard.server.cli;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.env.ReaderSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(
        name = "setup-reader",
        mixinStandardHelpOptions = true,
        description =
                "Print the SQL that makes run_query's own login on an environment: it reads the database's tables and can do "
                        + "nothing else (no superuser, no server files or programs, no signals, no writes). Nothing is run: a person "
                        + "with the right to create roles runs it, sets the password, and adds the reader to schemaguard.yaml.")
final class SetupReaderCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--env", required = true, paramLabel = "NAME")
    String environment;

    @Option(
            names = "--user",
            defaultValue = "schemaguard_reader",
            paramLabel = "ROLE",
            description = "The login to create (default: ${DEFAULT-VALUE})")
    String reader;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        JdbcEnvironments environments = new JdbcEnvironments(config);
        EnvironmentConfig env = environments.get(environment);
        String migrationUser = env.user() != null ? env.user() : System.getProperty("user.name");
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = environments.openReadOnly(environment)) {
            out.println("-- run_query's login on '" + environment + "' (database " + c.getCatalog()
                    + "), as a role that may create roles;");
            out.println("-- it can read every table of the database's own schemas, including those " + migrationUser
                    + " makes later.");
            for (String sql : ReaderSetup.statements(c, reader, migrationUser, null)) {
                out.println(sql + ";");
            }
            out.println("-- then set its password where no file keeps it, e.g. in psql: \\password " + reader);
            out.println("-- and add to environments." + environment + " in schemaguard.yaml:");
            out.println("--   reader: {user: " + reader + ", password: ${SCHEMAGUARD_READER_PASSWORD}}");
            out.flush();
            return SchemaguardMain.OK;
        } catch (SQLException e) {
            throw new ToolException("Could not read the schemas of '" + environment + "': " + e.getMessage());
        }
    }
}
