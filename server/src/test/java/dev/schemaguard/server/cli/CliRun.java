package dev.schemaguard.server.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One CLI command run in-process, as a person would type it: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = SchemaguardMain.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        cli.setOut(new CliOutput(out)); // as main() does: text through a writer, lint's JSON as bytes
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
