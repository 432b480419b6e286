package dev.schemaguard.tools.schema;

/** A schema (namespace) with the owner and comment. */
public record SchemaInfo(String name, String owner, String comment) {}
