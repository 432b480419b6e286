package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.InputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings already accepted, e.g. in migrations applied long ago: their fingerprints (rule, file name, statement
 * text) silence the same findings in later runs, wherever the statement moves in its file. Written by
 * {@code schemaguard lint --write-baseline FILE}.
 */
public final class Baseline {

    static final Baseline EMPTY = new Baseline(Set.of());

    /** Built on first use: a lint without a baseline (the common case) does not pay for Jackson's start-up. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException("Cannot read the lint baseline " + file + " ("
                    + e.getClass().getSimpleName() + "): check lint.baseline in schemaguard.yaml or --baseline.");
        } catch (JacksonException e) {
            throw new InputException("The lint baseline " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new InputException("The lint baseline " + file + " has no \"findings\" array: write it with "
                    + "'schemaguard lint --write-baseline " + file + " PATH…'.");
        }
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode fingerprint = findings.get(i).get("fingerprint");
            if (fingerprint == null || !fingerprint.isString()) {
                throw new InputException("The lint baseline " + file + ": findings[" + i + "] has no \"fingerprint\".");
            }
            fingerprints.add(fingerprint.asString());
        }
        return new Baseline(fingerprints);
    }

    public static void write(Path file, List<Finding> findings) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", f.rule());
            entry.put("file", f.file());
            entry.put("line", f.line());
            entry.put("fingerprint", f.fingerprint());
            entries.add(entry);
        }
        try {
            Files.writeString(
                    file,
                    Json.MAPPER
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(Map.of("version", 1, "findings", entries))
                            + "\n");
        } catch (IOException e) {
            throw new InputException("Cannot write the lint baseline " + file + ": " + e.getMessage());
        }
    }
}
