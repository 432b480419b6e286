package dev.schemaguard.server.cli;

import dev.schemaguard.server.mcp.StandardStreams;
import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The jar's entry point: the CLI, of which {@code serve} and {@code demo} start the MCP server. */
@Command(
        name = "schemaguard",
        mixinStandardHelpOptions = true,
        versionProvider = SchemaguardMain.Version.class,
        description = "Lets AI coding assistants inspect and change database schemas without breaking production.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the tool reported a failure (e.g. an unknown table) or lint found a hazard at or above --fail-on",
            "2:bad usage, input or configuration (a wrong password or a secret that is not set included)",
            "3:internal error (see the log)",
            "4:apply: waiting for an approval"
        })
public final class SchemaguardMain implements Runnable {

    public static final int OK = 0;
    public static final int TOOL_FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ServeCommand.class,
            DemoCommand.class,
            EnvironmentsCommand.class,
            InspectCommand.class,
            LintCommand.class,
            DryRunCommand.class,
            RollbackCommand.class,
            CheckCommand.class,
            ApplyCommand.class,
            RestoreCommand.class,
            QueryCommand.class,
            SetupReaderCommand.class,
            DiffCommand.class,
            HistoryCommand.class,
            DepsCommand.class,
            ImpactCommand.class,
            PolicyCommand.class,
            ApprovalsCommand.class,
            AuditCommand.class,
            TrainCdsCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before anything can print: stdout is reserved for MCP messages and the CLI's own results.
        StandardStreams.guardStdout();
        if (!servesThroughSpring(args) && System.getProperty("logback.configurationFile") == null) {
            // before the first logger: a one-shot command logs only warnings, on stderr (the embedded PostgreSQL's
            // start and stop are not news to a person waiting for a dry run)
            System.setProperty("logback.configurationFile", "schemaguard-cli-logback.xml");
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                System.setProperty("schemaguard.log.level", "INFO"); // what it does, step by step, on stderr
            }
        }
        CommandLine cli = commandLine(args.length > 0 ? args[0] : null);
        int exitCode = cli.execute(args);
        if (!ServerCommand.isServing()) {
            System.exit(exitCode);
        }
    }

    /** serve, and demo unless it only keeps the demo for the CLI: Spring Boot configures their logging (a file, levels). */
    static boolean servesThroughSpring(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        List<String> options = List.of(args);
        return command.equals("serve")
                || command.equals("train-cds")
                || command.equals("demo") && (!options.contains("--keep") || options.contains("--http"));
    }

    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with every subcommand, or only {@code invoked} when that names one: picocli reads the options of
     * every subcommand it is given by reflection, which was a fifth of a one-shot command's start-up.
     */
    static CommandLine commandLine(String invoked) {
        // Set here, not in main, so that tests build the command line as a run does. picocli otherwise looks for Groovy
        // on the class path, which opens every jar in it (~30 ms of each start), and loads java.time / java.sql classes
        // for option types no command here uses (~10 ms; an option of such a type would fail every CLI test).
        System.setProperty("picocli.disable.closures", "true");
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
        }
        CommandLine cli = new CommandLine(new SchemaguardMain());
        List<Class<?>> only =
                SUBCOMMANDS.stream().filter(c -> names(c).contains(invoked)).toList();
        for (Class<?> subcommand : only.isEmpty() ? SUBCOMMANDS : only) {
            cli.addSubcommand(subcommand);
        }
        cli.setOut(new CliOutput(StandardStreams.wire()));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler(new ExitCodes());
        return cli;
    }

    /**
     * Failures as exit codes and one line on stderr. A class rather than a lambda: picocli is compiled for Java 5, and a
     * lambda implementing its interface keeps that interface out of the class-data archive.
     */
    static final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (e instanceof ConfigException) {
                err.println("schemaguard: configuration error: " + CliWords.of(e.getMessage()));
                return BAD_INPUT;
            }
            if (e instanceof InputException) {
                err.println("schemaguard: " + CliWords.of(e.getMessage()));
                return BAD_INPUT;
            }
            if (e instanceof ToolException) {
                err.println("schemaguard: " + CliWords.of(e.getMessage()));
                return TOOL_FAILURE;
            }
            err.println(
                    "schemaguard: internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    static String version() {
        String version = SchemaguardMain.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"schemaguard " + version(), "Java " + Runtime.version()};
        }
    }
}
