package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.LintRule;

import java.util.List;

/** Every rule the linter runs, in one place: adding a rule is adding a class here and a fixture file. */
public final class LintRules {

    private LintRules() {}

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
                new MatviewRebuildInTransaction(),
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
                new RequireLockTimeout(),
                new RequireStatementTimeout(),
                new RequireConcurrentReindex(),
                new RequireConcurrentPartitionDetach(),
                new AddingFieldWithDefault(),
                new AddingNotNullableField(),
                new ChangingColumnType(),
                new DisallowedUniqueConstraint(),
                new AddingSerialPrimaryKeyField(),
                new BanUncommittedTransaction(),
                new PreferRobustStmts(),
                new RequireEnumValueOrdering(),
                new AddingEnumValueInTransaction(),
                new MixedDdlAndDml(),
                new TableRewrite(),
                new RequireTableSchema(),
                new MissingObject(),
                new UnparsedStatement(),
                new SyntaxError(),
                new UnusedIgnore());
    }
}
