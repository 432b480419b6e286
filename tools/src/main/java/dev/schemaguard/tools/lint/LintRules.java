package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.rules.AddingForeignKeyConstraint;
import dev.schemaguard.tools.lint.rules.CreateTableWithoutPrimaryKey;
import dev.schemaguard.tools.lint.rules.BanTruncate;
import dev.schemaguard.tools.lint.rules.BanCreateDomainWithConstraint;
import dev.schemaguard.tools.lint.rules.BanAlterDomainWithAddConstraint;
import dev.schemaguard.tools.lint.rules.PreferIdentity;
import dev.schemaguard.tools.lint.rules.PreferBigintOverSmallint;
import dev.schemaguard.tools.lint.rules.IdentifierTooLong;
import dev.schemaguard.tools.lint.rules.TransactionNesting;
import dev.schemaguard.tools.lint.rules.RequireLockTimeout;
import dev.schemaguard.tools.lint.rules.BanDropDatabase;
import dev.schemaguard.tools.lint.rules.BanTruncateCascade;
import dev.schemaguard.tools.lint.rules.CascadeDrop;
import dev.schemaguard.tools.lint.rules.UnboundedDeleteUpdate;
import dev.schemaguard.tools.lint.rules.PreferTextField;
import dev.schemaguard.tools.lint.rules.BanCharField;
import dev.schemaguard.tools.lint.rules.PreferBigintOverInt;
import dev.schemaguard.tools.lint.rules.JsonColumn;
import dev.schemaguard.tools.lint.rules.RefreshMatviewNonConcurrent;
import dev.schemaguard.tools.lint.rules.PreferRepack;
import dev.schemaguard.tools.lint.rules.PrivilegeChange;
import dev.schemaguard.tools.lint.rules.BanDropNotNull;
import dev.schemaguard.tools.lint.rules.AddingRequiredField;
import dev.schemaguard.tools.lint.rules.BanConcurrentIndexCreationInTransaction;
import dev.schemaguard.tools.lint.rules.BanDropColumn;
import dev.schemaguard.tools.lint.rules.BanDropTable;
import dev.schemaguard.tools.lint.rules.ConstraintMissingNotValid;
import dev.schemaguard.tools.lint.rules.PreferTimestampTz;
import dev.schemaguard.tools.lint.rules.RenamingColumn;
import dev.schemaguard.tools.lint.rules.RenamingTable;
import dev.schemaguard.tools.lint.rules.RequireConcurrentIndexCreation;
import dev.schemaguard.tools.lint.rules.RequireConcurrentIndexDeletion;

import java.util.List;

/** Every rule the linter runs, in one place: adding a rule is adding a class here and a fixture file. */
public final class LintRules {

    private LintRules() {
    }

    public static List<LintRule> all() {
        return List.of(
                new RequireConcurrentIndexCreation(),
                new RequireConcurrentIndexDeletion(),
                new BanConcurrentIndexCreationInTransaction(),
                new AddingRequiredField(),
                new AddingForeignKeyConstraint(),
                new ConstraintMissingNotValid(),
                new BanDropTable(),
                new BanDropColumn(),
                new RenamingColumn(),
                new RenamingTable(),
                new PreferTimestampTz(),
                new BanDropDatabase(),
                new BanTruncateCascade(),
                new CascadeDrop(),
                new UnboundedDeleteUpdate(),
                new PreferTextField(),
                new BanCharField(),
                new PreferBigintOverInt(),
                new JsonColumn(),
                new RefreshMatviewNonConcurrent(),
                new PreferRepack(),
                new PrivilegeChange(),
                new BanDropNotNull(),
                new CreateTableWithoutPrimaryKey(),
                new BanTruncate(),
                new BanCreateDomainWithConstraint(),
                new BanAlterDomainWithAddConstraint(),
                new PreferIdentity(),
                new PreferBigintOverSmallint(),
                new IdentifierTooLong(),
                new TransactionNesting(),
                new RequireLockTimeout());
    }
}
