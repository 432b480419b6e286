package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summaries the cache keeps leave empty parts out; read back, they must say what the parse said: the same enum
 * decoders and change-data readers from a warm cache as from a cold scan (found when a listener without topics and an
 * outbox write without persisted entities came back as nulls).
 */
class CachedReadersTest {

    @TempDir
    Path cache;

    @Test
    void aWarmCacheGivesTheReadersACleanScanGives() throws URISyntaxException {
        List<Path> roots = List.of(
                Path.of(getClass().getResource("/cdc-impact").toURI()),
                Path.of(getClass().getResource("/enum-impact").toURI()));
        CodeIndex cold = CodeIndex.scan(roots, CodeIndexCache.at(cache));
        CodeIndexCache.forgetInMemory(); // as a new process would: the summaries read back from disk
        CodeIndex warm = CodeIndex.scan(roots, CodeIndexCache.at(cache));
        assertThat(warm.parsedFiles()).as("everything from the cache").isZero();
        for (String target : List.of("shop.orders", "shop.orders.status", "shop.products")) {
            assertThat(warm.changeReadersFor(DependencyTarget.parse(target)))
                    .as(target)
                    .isNotEmpty()
                    .isEqualTo(cold.changeReadersFor(DependencyTarget.parse(target)));
        }
        assertThat(warm.enumReaders("orders", "status")).isNotEmpty().isEqualTo(cold.enumReaders("orders", "status"));
        assertThat(warm.stringSwitches()).isNotEmpty().isEqualTo(cold.stringSwitches());
        List<String> values = List.of("NEW", "PAID", "SHIPPED");
        assertThat(warm.jsonEnumReaders(values)).isNotEmpty().isEqualTo(cold.jsonEnumReaders(values));
    }
}
