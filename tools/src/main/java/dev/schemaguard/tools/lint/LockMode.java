package dev.schemaguard.tools.lint;

/** PostgreSQL's table-level lock modes, weakest first, with what each blocks for other sessions. */
public enum LockMode {
    NONE(false, false),
    ACCESS_SHARE(false, false),
    ROW_SHARE(false, false),
    ROW_EXCLUSIVE(false, false),
    SHARE_UPDATE_EXCLUSIVE(false, false),
    /** Blocks INSERT, UPDATE, DELETE (e.g. CREATE INDEX). */
    SHARE(false, true),
    SHARE_ROW_EXCLUSIVE(false, true),
    EXCLUSIVE(false, true),
    /** Blocks everything, SELECT included (most ALTER TABLE forms, DROP, TRUNCATE). */
    ACCESS_EXCLUSIVE(true, true);

    private final boolean blocksReads;
    private final boolean blocksWrites;

    LockMode(boolean blocksReads, boolean blocksWrites) {
        this.blocksReads = blocksReads;
        this.blocksWrites = blocksWrites;
    }

    public boolean blocksReads() {
        return blocksReads;
    }

    public boolean blocksWrites() {
        return blocksWrites;
    }

    /** What other sessions cannot do while the lock is held: "reads and writes", "writes" or "nothing". */
    public String blocks() {
        return blocksReads ? "reads and writes" : blocksWrites ? "writes" : "nothing";
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String sqlName() {
        return this == NONE ? "none" : name().replace('_', ' ');
    }
}
