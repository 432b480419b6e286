package dev.schemaguard.tools.deps;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a statement of a migration changes, as impact_of_migration names it (its reports and JSON use the label). */
public enum ChangeKind {
    DROPPED_TABLE("dropped-table"),
    DROPPED_COLUMN("dropped-column"),
    RENAMED_COLUMN("renamed-column"),
    RENAMED_TABLE("renamed-table"),
    TYPE_CHANGE("type-change"),
    NOT_NULL("not-null"),
    FK_ACTION("fk-action"),
    ENUM_VALUE_ADDED("enum-value-added"),
    ENUM_VALUE_RENAMED("enum-value-renamed"),
    TYPE_RENAMED("type-renamed"),
    TYPE_MOVED("type-moved"),
    ATTRIBUTE_CHANGED("attribute-changed"),
    DOMAIN_CHANGED("domain-changed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** A renamed table or column: the old name stops working. */
    public boolean rename() {
        return this == RENAMED_COLUMN || this == RENAMED_TABLE;
    }

    /** An enum type's value added or renamed. */
    public boolean enumValue() {
        return this == ENUM_VALUE_ADDED || this == ENUM_VALUE_RENAMED;
    }

    @Override
    public String toString() {
        return label;
    }
}
