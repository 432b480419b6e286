package dev.schemaguard.tools.schema;

import java.util.List;

/**
 * A trigger on a table or view.
 *
 * @param timing  before, after or instead of
 * @param events  insert, update, delete, truncate
 * @param level   row or statement
 * @param enabled origin (the default), always, replica or disabled
 */
public record Trigger(
        String name,
        String table,
        String timing,
        List<String> events,
        String level,
        String function,
        String enabled,
        String definition) {}
