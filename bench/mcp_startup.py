#!/usr/bin/env python3
"""Cold-start benchmark: wall time from spawning an MCP stdio server to its answer to `initialize`.

Usage: mcp_startup.py RUNS -- COMMAND...   Prints one line per run and a summary (min / median / max, in seconds).
Every stdout line before the answer must be JSON-RPC; anything else counts as a failed run (stdout is the MCP wire).
"""
import json
import statistics
import subprocess
import sys
import time

INITIALIZE = {
    "jsonrpc": "2.0", "id": 1, "method": "initialize",
    "params": {"protocolVersion": "2025-11-25", "capabilities": {},
               "clientInfo": {"name": "startup-bench", "version": "1"}},
}


def one_run(command):
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    proc.stdin.write((json.dumps(INITIALIZE) + "\n").encode())
    proc.stdin.flush()
    try:
        while True:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout before answering initialize")
            message = json.loads(line)  # raises on a non-JSON line
            if message.get("id") == 1:
                elapsed = time.perf_counter() - start
                if "result" not in message:
                    raise RuntimeError("initialize failed: %s" % message)
                return elapsed, message["result"].get("protocolVersion")
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = []
    for i in range(runs):
        elapsed, version = one_run(command)
        times.append(elapsed)
        print("run %d: %.3f s (protocol %s)" % (i + 1, elapsed, version))
    print("initialize answered: min %.3f s, median %.3f s, max %.3f s over %d runs"
          % (min(times), statistics.median(times), max(times), runs))


if __name__ == "__main__":
    main()
