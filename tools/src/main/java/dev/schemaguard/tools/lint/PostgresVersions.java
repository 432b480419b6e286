package dev.schemaguard.tools.lint;

/** The PostgreSQL major versions a rule applies to, both ends inclusive. */
public record PostgresVersions(int from, int to) {

    public static final PostgresVersions ALL = new PostgresVersions(0, Integer.MAX_VALUE);

    public static PostgresVersions since(int major) {
        return new PostgresVersions(major, Integer.MAX_VALUE);
    }

    public static PostgresVersions before(int major) {
        return new PostgresVersions(0, major - 1);
    }

    public boolean includes(int major) {
        return major >= from && major <= to;
    }

    @Override
    public String toString() {
        if (from == 0 && to == Integer.MAX_VALUE) {
            return "all versions";
        }
        if (to == Integer.MAX_VALUE) {
            return "PostgreSQL " + from + " and later";
        }
        return from == 0 ? "PostgreSQL " + to + " and earlier" : "PostgreSQL " + from + " to " + to;
    }
}
