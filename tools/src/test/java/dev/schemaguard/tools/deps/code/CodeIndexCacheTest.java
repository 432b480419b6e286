package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-disk code index: only changed files are parsed again, and the answers are those of a scan without cache. */
class CodeIndexCacheTest {

    @TempDir
    Path work;

    Path code;
    CodeIndexCache cache;

    @BeforeEach
    void copyTheExampleServices() throws IOException {
        code = work.resolve("services");
        Path source = Path.of("..", "examples", "services");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = code.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        cache = CodeIndexCache.at(work.resolve("cache"));
    }

    private static List<CodeSite> everySite(CodeIndex index) {
        return Stream.of(
                        "shop.customers",
                        "shop.customers.email",
                        "shop.orders",
                        "shop.orders.status",
                        "billing.invoices",
                        "shop.addresses.city",
                        "shop.cart_items.quantity")
                .flatMap(t -> index.sitesFor(DependencyTarget.parse(t)).stream())
                .toList();
    }

    @Test
    void aRescanParsesOnlyTheFilesThatChangedAndAnswersAsAFullScan() throws IOException {
        CodeIndex cold = CodeIndex.scan(List.of(code), cache);
        assertThat(cold.parsedFiles()).isEqualTo(cold.files()).isGreaterThan(10);

        CodeIndex warm = CodeIndex.scan(List.of(code), cache);
        assertThat(warm.parsedFiles()).isZero();
        assertThat(everySite(warm)).isEqualTo(everySite(cold));
        CodeIndexCache.forgetInMemory();
        CodeIndex fromDisk = CodeIndex.scan(List.of(code), cache);
        assertThat(fromDisk.parsedFiles())
                .as("a new process reads the disk cache")
                .isZero();
        assertThat(everySite(fromDisk)).isEqualTo(everySite(cold));

        Path queries = code.resolve("order-service/src/main/java/shop/orders/OrderQueries.java");
        Files.writeString(
                queries,
                Files.readString(queries)
                        .replace(
                                "}\n}",
                                "}\n    int archive() { return jdbc.update(\"DELETE FROM shop.orders WHERE status = 'archived'\"); }\n}"));
        CodeIndex changed = CodeIndex.scan(List.of(code), cache);
        assertThat(changed.parsedFiles()).isEqualTo(1);
        assertThat(everySite(changed))
                .isEqualTo(everySite(CodeIndex.scan(List.of(code), CodeIndexCache.none())))
                .isNotEqualTo(everySite(cold));
        assertThat(changed.sitesFor(DependencyTarget.parse("shop.orders.status")))
                .anySatisfy(s -> assertThat(s.evidence()).contains("archived"));
    }

    @Test
    void aDamagedCacheIsIgnoredAndRewritten() throws IOException {
        CodeIndex first = CodeIndex.scan(List.of(code), cache);
        CodeIndexCache.forgetInMemory();
        try (Stream<Path> shards = Files.walk(work.resolve("cache"))) {
            for (Path shard : shards.filter(Files::isRegularFile).toList()) {
                Files.writeString(shard, "not a cache");
            }
        }
        CodeIndex again = CodeIndex.scan(List.of(code), cache);
        assertThat(again.parsedFiles()).isEqualTo(again.files());
        assertThat(everySite(again)).isEqualTo(everySite(first));
        CodeIndexCache.forgetInMemory();
        assertThat(CodeIndex.scan(List.of(code), cache).parsedFiles())
                .as("rewritten")
                .isZero();
    }

    @Test
    void aFileThatDoesNotParseIsNamedNotSilentlySkipped() throws IOException {
        Files.writeString(
                code.resolve("customer-service/src/main/java/shop/customers/Broken.java"),
                "class Broken { void x( }\n");
        CodeIndex index = CodeIndex.scan(List.of(code), cache);
        assertThat(index.unreadable()).singleElement().asString().contains("Broken.java");
        CodeIndexCache.forgetInMemory();
        assertThat(CodeIndex.scan(List.of(code), cache).unreadable())
                .as("remembered by the disk cache too")
                .hasSize(1);
    }

    @Test
    void filesWithTheSizeAndTimeTheCacheSawAreNotEvenReadAgain() throws IOException {
        java.nio.file.attribute.FileTime anHourAgo =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.walk(code)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, anHourAgo);
            }
        }
        CodeIndex first = CodeIndex.scan(List.of(code), cache);
        assertThat(first.hashedFiles()).isEqualTo(first.files());
        CodeIndexCache.forgetInMemory();
        CodeIndex second = CodeIndex.scan(List.of(code), cache);
        assertThat(second.hashedFiles())
                .as("size and time as recorded, long enough ago")
                .isZero();
        assertThat(everySite(second)).isEqualTo(everySite(first));

        Path customer = code.resolve("customer-service/src/main/java/shop/customers/Customer.java");
        Files.writeString(customer, Files.readString(customer).replace("fullName", "fullname")); // same size, new time
        CodeIndexCache.forgetInMemory();
        CodeIndex third = CodeIndex.scan(List.of(code), cache);
        assertThat(third.hashedFiles()).isEqualTo(1);
        assertThat(third.parsedFiles()).isEqualTo(1);
        assertThat(third.sitesFor(DependencyTarget.parse("shop.customers.fullname")))
                .isNotEmpty();
    }
}
