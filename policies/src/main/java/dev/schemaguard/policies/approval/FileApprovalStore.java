package dev.schemaguard.policies.approval;

import dev.schemaguard.tools.ToolException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Approval requests as one JSON file each under {@code <state-dir>/approvals}. Crash-safe: a request is written to a
 * temporary file, forced to disk and renamed over the old one, so a reader sees the old or the new version, never
 * half of one. Changes are serialised across processes by a lock file.
 */
public final class FileApprovalStore implements ApprovalStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public FileApprovalStore(Path stateDir) {
        this.dir = stateDir.resolve("approvals");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ToolException("Cannot create " + dir + ": "
                    + (e instanceof java.nio.file.AccessDeniedException
                            ? "permission denied — the approval store belongs to the schemaguard server's own user"
                            : e.getMessage()));
        }
    }

    @Override
    public Optional<ApprovalRequest> get(String id) {
        if (!ApprovalIds.isWellFormed(id)) {
            return Optional.empty();
        }
        Path p = path(id);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(p.toFile(), ApprovalRequest.class));
        } catch (RuntimeException e) {
            throw new ToolException("Approval request file " + p + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public List<ApprovalRequest> list() {
        List<ApprovalRequest> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                get(p.getFileName().toString().replace(".json", "")).ifPresent(result::add);
            }
        } catch (IOException e) {
            throw new ToolException("Cannot list " + dir + ": " + e.getMessage());
        }
        result.sort(Comparator.comparing(ApprovalRequest::created).reversed());
        return result;
    }

    /** Reads every request file: this store is for one host's approvals; a shared store is PostgreSQL's. */
    @Override
    public List<ApprovalRequest> forMigration(String environmentKey, String sqlSha256) {
        return list().stream()
                .filter(r -> r.environmentKey().equals(environmentKey)
                        && r.sqlSha256().equals(sqlSha256))
                .toList();
    }

    @Override
    public ApprovalRequest createUnlessReused(
            ApprovalRequest candidate,
            Function<List<ApprovalRequest>, Optional<ApprovalRequest>> reuse,
            Consumer<ApprovalRequest> beforeCreate) {
        return locked(() -> {
            Optional<ApprovalRequest> existing =
                    reuse.apply(forMigration(candidate.environmentKey(), candidate.sqlSha256()));
            if (existing.isPresent()) {
                return existing.get();
            }
            if (Files.exists(path(candidate.id()))) {
                throw new ToolException("Approval request " + candidate.id() + " exists already.");
            }
            beforeCreate.accept(candidate);
            write(candidate);
            return candidate;
        });
    }

    @Override
    public ApprovalRequest update(String id, UnaryOperator<ApprovalRequest> change) {
        return locked(() -> {
            ApprovalRequest current = get(id).orElseThrow(() -> new ToolException(
                    "No approval request '" + id + "'. Run 'schemaguard approvals list' to see the pending ones."));
            ApprovalRequest changed = change.apply(current);
            write(changed);
            return changed;
        });
    }

    private Path path(String id) {
        return dir.resolve(id + ".json");
    }

    private void write(ApprovalRequest request) {
        Path tmp = dir.resolve(request.id() + ".json.tmp");
        try {
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(request));
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, path(request.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ToolException("Cannot write approval request " + request.id() + ": " + e.getMessage());
        }
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        return dev.schemaguard.policies.audit.ProcessFileLock.with(dir.resolve(".lock"), action);
    }
}
