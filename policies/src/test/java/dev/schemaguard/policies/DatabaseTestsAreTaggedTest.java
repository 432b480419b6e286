package dev.schemaguard.policies;

import dev.schemaguard.tools.testing.DatabaseTier;

/** Every test of this module that reaches a database says so (@Tag("database")): mvn test -Pfast leaves it out. */
class DatabaseTestsAreTaggedTest extends DatabaseTier {}
