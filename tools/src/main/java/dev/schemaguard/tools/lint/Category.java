package dev.schemaguard.tools.lint;

/** What kind of harm a rule guards against. */
public enum Category { LOCKING, REWRITE, DATA_LOSS, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, CORRECTNESS, SECURITY, CONVENTION }
