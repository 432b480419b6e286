#!/usr/bin/env python3
"""Writes a corpus of Flyway migrations for the lint benchmark: FILES files of mixed PostgreSQL statements.

Usage: gen_lint_corpus.py OUT_DIR [STATEMENTS] [FILES]   (defaults: 100000 statements in 100 files; fixed seed)
"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(42)

TEMPLATES = [
    "CREATE TABLE app.t{n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());",
    "ALTER TABLE app.orders ADD COLUMN c{n} text;",
    "ALTER TABLE app.orders ADD COLUMN d{n} integer NOT NULL DEFAULT 0;",
    "ALTER TABLE app.orders ADD COLUMN e{n} uuid DEFAULT gen_random_uuid();",
    "CREATE INDEX orders_c{n}_idx ON app.orders (customer_id, created_at);",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_x{n}_idx ON app.orders (status) WHERE status <> 'done';",
    "DROP INDEX app.orders_old{n}_idx;",
    "ALTER TABLE app.order_lines ADD CONSTRAINT order_lines_fk{n} FOREIGN KEY (order_id) REFERENCES app.orders (id);",
    "ALTER TABLE app.order_lines ADD CONSTRAINT order_lines_qty{n} CHECK (quantity > 0) NOT VALID;",
    "ALTER TABLE app.orders ALTER COLUMN note{n} SET NOT NULL;",
    "ALTER TABLE app.orders ALTER COLUMN amount{n} TYPE numeric(14,2);",
    "ALTER TABLE app.orders RENAME COLUMN old{n} TO new{n};",
    "UPDATE app.orders SET status = 'archived' WHERE created_at < now() - interval '{n} days';",
    "INSERT INTO app.audit (actor, action, payload) VALUES ('migration', 'step {n}', '{{\"k\": {n}}}'::jsonb);",
    "SET lock_timeout = '5s';",
    "COMMENT ON COLUMN app.orders.c{n} IS 'column {n}; added for the benchmark';",
    "DELETE FROM app.sessions WHERE expires_at < now();",
    "CREATE OR REPLACE FUNCTION app.f{n}(x integer) RETURNS integer LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN x + {n}; -- a comment; with a semicolon\nEND\n$$;",
    "ALTER TABLE app.orders DROP COLUMN legacy{n};",
    "CREATE VIEW app.v{n} AS SELECT id, status FROM app.orders WHERE status = 'open';",
    "GRANT SELECT ON app.t{n} TO reporting;",
    "ALTER TYPE app.status ADD VALUE 'state{n}';",
]

os.makedirs(out, exist_ok=True)
per_file = total // files
n = 0
for f in range(files):
    with open(os.path.join(out, f"V{f + 1}__bench_{f + 1}.sql"), "w") as fh:
        fh.write(f"-- generated migration {f + 1} for the lint benchmark\n")
        for _ in range(per_file):
            n += 1
            fh.write(rng.choice(TEMPLATES).format(n=n) + "\n")
print(f"{n} statements in {files} files under {out}", file=sys.stderr)
