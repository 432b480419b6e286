package dev.schemaguard.server.cli;

/** How a CLI command prints its result. */
enum OutputFormat {
    text,
    json
}
