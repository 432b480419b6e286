package dev.schemaguard.tools;

/** The input itself is wrong (a path that is not a migration, a missing argument): the CLI exits with 2 for it. */
public class InputException extends ToolException {

    public InputException(String message) {
        super(message);
    }
}
