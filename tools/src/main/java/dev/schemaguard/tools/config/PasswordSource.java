package dev.schemaguard.tools.config;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where an environment's password comes from. Resolved at connect time, so a rotated secret is picked up. */
public sealed interface PasswordSource {

    /** The password, or empty when the server needs none (trust authentication, e.g. the embedded demo). */
    Optional<String> resolve(Map<String, String> environmentVariables);

    /** Human-readable origin for messages and listings; never the secret itself. */
    String describe();

    record None() implements PasswordSource {
        public Optional<String> resolve(Map<String, String> env) {
            return Optional.empty();
        }

        public String describe() {
            return "none";
        }
    }

    record EnvironmentVariable(String variable) implements PasswordSource {
        public Optional<String> resolve(Map<String, String> env) {
            String value = env.get(variable);
            if (value == null) {
                throw new InputException("The password environment variable " + variable
                        + " is not set. Export it in the environment that starts schemaguard.");
            }
            return Optional.of(value);
        }

        public String describe() {
            return "environment variable " + variable;
        }
    }

    /** A password made by this process for a server it started itself (the embedded demo); never from a file or a config. */
    record Generated(String value) implements PasswordSource {
        public Optional<String> resolve(Map<String, String> env) {
            return Optional.of(value);
        }

        public String describe() {
            return "generated when the embedded server started";
        }

        @Override
        public String toString() {
            return "Generated[…]";
        }
    }

    record File(Path path) implements PasswordSource {
        public Optional<String> resolve(Map<String, String> env) {
            try {
                return Optional.of(Files.readString(path).strip());
            } catch (IOException e) {
                throw new InputException("The password file " + path + " cannot be read ("
                        + e.getClass().getSimpleName()
                        + "). Check that it exists and is readable by the user running schemaguard.");
            }
        }

        public String describe() {
            return "file " + path;
        }
    }
}
