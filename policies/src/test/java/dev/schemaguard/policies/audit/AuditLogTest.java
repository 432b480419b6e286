package dev.schemaguard.policies.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {

    @TempDir
    Path dir;

    AuditLog log() {
        return new FileAuditLog(dir, Clock.systemUTC());
    }

    void write(AuditLog log, int n) {
        for (int i = 0; i < n; i++) {
            log.append(
                    "test.event",
                    "alice (os-user)",
                    Map.of("i", i, "text", "line " + i + " \" with quotes\n and a newline"));
        }
    }

    List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(dir.resolve(FileAuditLog.FILE)));
    }

    @Test
    void anUntouchedChainVerifiesAndIsExportedAsJsonLines() {
        AuditLog log = log();
        write(log, 5);
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(5);
        assertThat(log.export())
                .hasSize(5)
                .allSatisfy(l -> assertThat(l).startsWith("{\"seq\":").contains("\"hash\":\""));
    }

    @Test
    void anEditedEntryIsDetected() throws IOException {
        write(log(), 3);
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("alice", "mallory"));
        Files.write(dir.resolve(FileAuditLog.FILE), lines);
        AuditLog.Verification v = log().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problems())
                .anySatisfy(p -> assertThat(p).contains("line 2").contains("does not match its hash"));
    }

    @Test
    void aDeletedEntryIsDetected() throws IOException {
        write(log(), 4);
        List<String> lines = lines();
        lines.remove(1);
        Files.write(dir.resolve(FileAuditLog.FILE), lines);
        assertThat(log().verify().problems())
                .anySatisfy(p -> assertThat(p).contains("line 2").contains("deleted"));
    }

    @Test
    void entriesCutOffTheEndAreDetectedThroughTheHead() throws IOException {
        write(log(), 4);
        List<String> lines = lines();
        Files.write(dir.resolve(FileAuditLog.FILE), lines.subList(0, 2));
        assertThat(log().verify().problems())
                .anySatisfy(p -> assertThat(p).contains("ends at entry 2").contains("records entry 4"));
    }

    @Test
    void aCutTailDisguisedAsACrashIsReportedAsLostAndNothingIsAppendedOverIt() throws IOException {
        write(log(), 6);
        List<String> lines = lines();
        // cut entries 5 and 6, then leave a fragment that looks like a write torn by a crash
        Files.write(dir.resolve(FileAuditLog.FILE), lines.subList(0, 4));
        Files.writeString(dir.resolve(FileAuditLog.FILE), "{\"seq\":5,\"time\":\"2026-", StandardOpenOption.APPEND);
        String head = Files.readString(dir.resolve("audit.head"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log().append("apply.started", "mallory", Map.of()))
                .hasMessageContaining("ends at entry 4 but its head record says entry 6")
                .hasMessageContaining("Nothing was done");
        assertThat(Files.readString(dir.resolve("audit.head")))
                .as("the head is never rewritten to hide the cut")
                .isEqualTo(head);
        AuditLog.Verification v = log().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problems())
                .anySatisfy(p -> assertThat(p).contains("ends at entry 4").contains("records entry 6"));
    }

    @Test
    void aLineTornByACrashIsCutOffAndNotedByTheNextAppend() throws IOException {
        write(log(), 2);
        Files.writeString(dir.resolve(FileAuditLog.FILE), "{\"seq\":3,\"time\":\"2026-", StandardOpenOption.APPEND);
        assertThat(log().verify().problems()).anySatisfy(p -> assertThat(p).contains("incomplete"));
        write(log(), 1);
        AuditLog.Verification v = log().verify();
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(lines().get(2)).contains("\"seq\":3").contains("incomplete line of 22 bytes");
    }

    @Test
    void concurrentWritersFromManyThreadsAndInstancesKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> write(new FileAuditLog(dir, Clock.systemUTC()), 25)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        AuditLog.Verification v = log().verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(200);
    }
}
