package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sqitch project: {@code sqitch.plan} names the changes in deploy order; each is {@code deploy/<change>.sql}, undone
 * by {@code revert/<change>.sql}. Sqitch runs a script as written (PostgreSQL scripts hold their own BEGIN/COMMIT), so
 * no transaction is assumed around it; {@code verify/} scripts check a deploy and change nothing, so they are named as
 * not linted.
 */
final class SqitchLayout {

    static final String TOOL = "sqitch";

    private SqitchLayout() {}

    static boolean matches(Path dir) {
        return Files.isRegularFile(dir.resolve("sqitch.plan"));
    }

    static List<MigrationUnit> read(Path dir, Consumer<String> skipped) {
        Path plan = dir.resolve("sqitch.plan");
        List<String> lines = SourceText.lines(SourceText.read(plan));
        List<MigrationUnit> units = new ArrayList<>();
        List<MigrationUnit> reverts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#") || line.startsWith("@")) {
                continue; // pragmas, comments, tags
            }
            String change = line.split("\\s+")[0];
            Path deploy = dir.resolve("deploy").resolve(change + ".sql");
            if (!Files.isRegularFile(deploy)) {
                throw new InputException(
                        plan + ":" + (i + 1) + ": change " + change + " has no deploy/" + change + ".sql");
            }
            units.add(new MigrationUnit(deploy.toString(), 1, SourceText.read(deploy), false, TOOL, MigrationUnit.UP));
            Path revert = dir.resolve("revert").resolve(change + ".sql");
            if (Files.isRegularFile(revert)) {
                reverts.add(new MigrationUnit(
                        revert.toString(), 1, SourceText.read(revert), false, TOOL, MigrationUnit.DOWN));
            }
        }
        if (units.isEmpty()) {
            throw new InputException(plan + ": no changes planned");
        }
        if (Files.isDirectory(dir.resolve("verify"))) {
            skipped.accept(dir.resolve("verify") + " (sqitch's verify scripts check a deploy and change nothing)");
        }
        units.addAll(reverts);
        return units;
    }
}
