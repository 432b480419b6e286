#!/usr/bin/env python3
"""Warm latency of lint_migration through MCP: one typical 20-statement migration, called again and again over stdio.

Usage: lint_mcp_latency.py WARMUP CALLS -- COMMAND...   (e.g. 200 500 -- ./schemaguard serve --config empty.yaml)
Prints p50 / p95 / p99 / max of the round trip (request written to response read), in milliseconds, after WARMUP
calls that are not counted.
"""
import json
import statistics
import subprocess
import sys
import time

MIGRATION = """
SET lock_timeout = '5s';
CREATE TABLE shop.wishlists (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX wishlists_customer_idx ON shop.wishlists (customer_id);
ALTER TABLE shop.wishlists ADD CONSTRAINT wishlists_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id);
ALTER TABLE shop.orders ADD COLUMN channel text;
ALTER TABLE shop.orders ADD COLUMN gift boolean NOT NULL DEFAULT false;
ALTER TABLE shop.orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE INDEX orders_channel_idx ON shop.orders (channel);
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0);
ALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(500);
ALTER TABLE shop.orders ALTER COLUMN placed_at SET NOT NULL;
UPDATE shop.orders SET channel = 'web';
ALTER TABLE shop.customers RENAME COLUMN full_name TO name;
ALTER TABLE shop.carts DROP COLUMN legacy_token;
DROP INDEX shop.orders_old_idx;
COMMENT ON COLUMN shop.orders.channel IS 'where the order was placed';
GRANT SELECT ON shop.wishlists TO reporting;
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';
CREATE OR REPLACE VIEW shop.open_orders AS SELECT id, status FROM shop.orders WHERE status <> 'delivered';
REFRESH MATERIALIZED VIEW shop.product_sales;
"""


def main():
    warmup, calls = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    next_id = [0]

    def request(method, params, notification=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notification:
            next_id[0] += 1
            message["id"] = next_id[0]
        proc.stdin.write((json.dumps(message) + "\n").encode())
        proc.stdin.flush()
        if notification:
            return None
        while True:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout")
            answer = json.loads(line)
            if answer.get("id") == next_id[0]:
                return answer

    request("initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                           "clientInfo": {"name": "lint-latency-bench", "version": "1"}})
    request("notifications/initialized", {}, notification=True)
    times = []
    findings = 0
    for i in range(warmup + calls):
        start = time.perf_counter()
        answer = request("tools/call", {"name": "lint_migration", "arguments": {"sql": MIGRATION}})
        elapsed = (time.perf_counter() - start) * 1000
        result = answer["result"]
        if result.get("isError"):
            raise RuntimeError("lint_migration failed: %s" % result)
        findings = len(result["structuredContent"]["findings"])
        if i >= warmup:
            times.append(elapsed)
    proc.stdin.close()
    proc.wait(timeout=15)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print("lint_migration, 20 statements, %d findings: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms over %d warm calls (%d warm-up)"
          % (findings, statistics.median(times), pick(0.95), pick(0.99), times[-1], calls, warmup))


if __name__ == "__main__":
    main()
