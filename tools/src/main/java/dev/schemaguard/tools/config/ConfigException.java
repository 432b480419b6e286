package dev.schemaguard.tools.config;

import dev.schemaguard.tools.ToolException;

import java.nio.file.Path;

/** A configuration that cannot be used. The message names the file, the line and the key, so it can be fixed in one go. */
public class ConfigException extends ToolException {

    public ConfigException(Path file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key == null ? "" : "'" + key + "': ") + problem);
    }

    public ConfigException(String message) {
        super(message);
    }
}
