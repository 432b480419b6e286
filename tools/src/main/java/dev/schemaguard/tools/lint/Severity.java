package dev.schemaguard.tools.lint;

/** How much a finding matters; {@code OFF} silences a rule. */
public enum Severity { ERROR, WARNING, INFO, OFF }
