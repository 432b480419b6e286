package dev.schemaguard.tools.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A test group that cannot run here (no Chromium, no root, no copy of pagila) says so on the console with its reason,
 * instead of counting as one more "skipped" nobody reads.
 */
public final class SkippedTestsSaidAloud implements TestExecutionListener {

    /** The forked JVM's own stderr: the build's console, past the report files that capture System.err. */
    private static final java.io.PrintStream CONSOLE = new java.io.PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        CONSOLE.println("SKIPPED " + test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            CONSOLE.println("SKIPPED " + test.getDisplayName() + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }
}
