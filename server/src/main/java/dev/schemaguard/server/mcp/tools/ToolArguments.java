package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.ToolException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments, read with messages that name the parameter and what was wrong. The SDK has already checked
 * them against the input schema; this is the second line, for values the schema cannot express.
 */
public final class ToolArguments {

    private final String tool;
    private final Map<String, Object> values;
    private final ProgressListener progress;
    private final FormElicitation elicitation;
    private final UrlElicitation urlElicitation;
    private final String caller;
    private ServerFiles files = ServerFiles.any();

    public ToolArguments(String tool, Map<String, Object> values) {
        this(tool, values, ProgressListener.NONE, null, null, null);
    }

    public ToolArguments(String tool, Map<String, Object> values, ProgressListener progress) {
        this(tool, values, progress, null, null, null);
    }

    /**
     * @param elicitation    form-mode questions to the person at the client, or null
     * @param urlElicitation sending that person to a page, or null
     * @param caller         the authenticated caller (a bearer token's subject), or null
     */
    public ToolArguments(
            String tool,
            Map<String, Object> values,
            ProgressListener progress,
            FormElicitation elicitation,
            UrlElicitation urlElicitation,
            String caller) {
        this.tool = tool;
        this.caller = caller;
        this.values = values == null ? Map.of() : values;
        this.progress = progress;
        this.elicitation = elicitation;
        this.urlElicitation = urlElicitation;
    }

    /** Which of the server's files this call may name (all over stdio; the configured directories over HTTP). */
    ToolArguments readingFiles(ServerFiles allowed) {
        this.files = allowed;
        return this;
    }

    /** A list of directories on the server, or {@code fallback} (the configuration's) when the call names none. */
    public List<java.nio.file.Path> paths(String name, List<java.nio.file.Path> fallback) {
        List<String> given = strings(name);
        return given == null
                ? fallback
                : given.stream().map(files::check).map(java.nio.file.Path::of).toList();
    }

    /** Files or directories on the server, as given (null when the call names none), each one the client may name. */
    /** A path the client names, when it may name it. */
    public String file(String path) {
        return files.check(path);
    }

    public List<String> files(String name) {
        List<String> given = strings(name);
        return given == null ? null : given.stream().map(files::check).toList();
    }

    /** The authenticated caller (a bearer token's subject over HTTP), or null over stdio and on an open loopback server. */
    public String caller() {
        return caller;
    }

    /** Sending the person at the client to a page, when the client supports URL elicitation. */
    public java.util.Optional<UrlElicitation> urlElicitation() {
        return java.util.Optional.ofNullable(urlElicitation);
    }

    /** Questions to the person at the client, when the client supports form elicitation. */
    public java.util.Optional<FormElicitation> elicitation() {
        return java.util.Optional.ofNullable(elicitation);
    }

    /** Progress notifications to the client, when its request carried a progress token; else nothing. */
    public ProgressListener progress() {
        return progress;
    }

    /** The most characters one text argument (a migration, a query) may hold. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    public String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw new ToolException(tool + ": parameter '" + name + "' is required.");
        }
        return value;
    }

    public String string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ToolException(tool + ": parameter '" + name + "' must be a string, was " + value + ".");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            // the work a call does grows with its text (a copy, a rollback proof, an index of every statement): bounded
            // here
            throw new InputException(
                    tool + ": parameter '" + name + "' holds " + text.length() + " characters; one call takes at most "
                            + MAX_TEXT_CHARS + ". Split the migration, or name its files with paths.");
        }
        return text.isBlank() ? null : text.strip();
    }

    public Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw new ToolException(tool + ": parameter '" + name + "' must be a whole number, was " + value + ".");
    }

    public Boolean bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ToolException(tool + ": parameter '" + name + "' must be true or false, was " + value + ".");
    }

    /** An array of strings; a single string is accepted as a one-element array. */
    public List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new ToolException(tool + ": parameter '" + name + "' must be an array of strings.");
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        return value == null ? null : parse(name, type, value);
    }

    /** An array of enum values; a single string (or comma-separated string) is accepted too, as some clients send one. */
    public <E extends Enum<E>> Set<E> enumSet(String name, Class<E> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> items.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            items.addAll(List.of(s.split(",")));
        } else {
            throw new ToolException(tool + ": parameter '" + name + "' must be an array of strings.");
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String item : items) {
            if (!item.isBlank()) {
                result.add(parse(name, type, item.strip()));
            }
        }
        return result;
    }

    private <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = EnumSet.allOf(type).stream()
                    .map(v -> v.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new ToolException(tool + ": parameter '" + name + "' has an unknown value '" + value + "'; allowed: "
                    + String.join(", ", allowed) + ".");
        }
    }
}
