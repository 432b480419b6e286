package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ReadConfinement;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a migration file as UTF-8 and splits it into lines, turning I/O problems into {@link InputException}. */
final class SourceText {

    private SourceText() {}

    static String read(Path file) {
        try {
            String text = Files.readString(ReadConfinement.check(file), StandardCharsets.UTF_8);
            // a byte-order mark is not SQL: Flyway and Liquibase leave it out, PostgreSQL would read it as part of a
            // word
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\\R", -1));
    }

    /** Joins lines [from, to) with newlines. */
    static String join(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(Math.min(from, to), to));
    }

    static String firstNonBlankLine(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
