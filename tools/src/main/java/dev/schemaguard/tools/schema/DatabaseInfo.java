package dev.schemaguard.tools.schema;

/** @param serverVersionNumber e.g. 170006 for 17.6 */
public record DatabaseInfo(String database, String serverVersion, int serverVersionNumber) {

    public int majorVersion() {
        return serverVersionNumber / 10_000;
    }
}
