package dev.schemaguard.tools.schema;

/**
 * A function or procedure.
 *
 * @param kind       function, procedure, aggregate or window
 * @param arguments  identity arguments, e.g. {@code p_order_id bigint, p_days_due integer}
 * @param volatility immutable, stable or volatile
 */
public record Routine(
        String kind,
        String schema,
        String name,
        String arguments,
        String result,
        String language,
        String volatility,
        boolean securityDefiner,
        String comment) {}
