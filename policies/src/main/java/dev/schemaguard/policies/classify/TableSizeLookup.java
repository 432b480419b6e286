package dev.schemaguard.policies.classify;

/** Row estimates and sizes of the environment's tables, for policies with size thresholds. */
public interface TableSizeLookup {

    /** @param table schema-qualified, lower case */
    Size of(String table);

    record Size(long rows, long bytes) {
        public static final Size UNKNOWN = new Size(-1, -1);
    }

    TableSizeLookup NONE = table -> Size.UNKNOWN;
}
