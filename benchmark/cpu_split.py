#!/usr/bin/env python3
"""CPU time of the benchmark's processes, by part, while it runs: for the metrics benchmark's shared phase.

    cpu_split.py OUT_JSON INGEST_PID METRICS_PID DATABASE [psql connection options ...]

Every second, reads the CPU time (user + system, /proc/<pid>/stat) of ingest-service, metrics-service, the demo
loader (any process whose command line holds demo-data and --url) and the PostgreSQL sessions of DATABASE, whose
application_name tells which service each serves (supportpulse-ingest, supportpulse-metrics). Writes the CPU seconds
each part used since this started to OUT_JSON after every reading, until killed. Sessions read only where PostgreSQL
runs on this machine; elsewhere their parts stay 0. Not a test.

The sessions are asked of one psql kept open: a psql started for each reading (Debian's is a Perl wrapper) took about
65 ms of CPU, 6% of a core taken from the parts it measures.
"""
import json
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
SESSION_PARTS = {"supportpulse-ingest": "ingest-db", "supportpulse-metrics": "metrics-db"}


def cpu_seconds(pid):
    """The process's user + system CPU time, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return None


def loader_pids():
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    args = cmdline.read().split(b"\0")
            except OSError:
                continue
            if any(b"demo-data" in arg for arg in args) and b"--url" in args:
                pids.append(int(entry))
    return pids


def is_postgres(pid):
    """Whether the process is a PostgreSQL backend on this machine (a remote server's pids mean nothing here)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().startswith(b"postgres")
    except OSError:
        return False


END_OF_READING = "end-of-reading"


def open_psql(command):
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def session_pids(psql):
    """The database's sessions by part, from pg_stat_activity, where they run on this machine."""
    names = ", ".join(f"'{name}'" for name in SESSION_PARTS)
    try:
        psql.stdin.write("SELECT pid, application_name FROM pg_stat_activity "
                         f"WHERE datname = current_database() AND application_name IN ({names});\n"
                         f"\\echo {END_OF_READING}\n")
        psql.stdin.flush()
    except BrokenPipeError:
        return {}  # psql has exited; the next reading starts another
    sessions = {}
    for line in psql.stdout:
        line = line.rstrip("\n")
        if line == END_OF_READING:
            break
        pid, _, name = line.partition("|")
        if pid.isdigit() and is_postgres(int(pid)):
            sessions[int(pid)] = SESSION_PARTS[name]
    return sessions


def main():
    out, ingest_pid, metrics_pid, database = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    psql_command = ["psql", "-X", "-q", "-tA", "-d", database] + sys.argv[5:]
    psql = open_psql(psql_command)
    seen = {}  # pid -> CPU seconds at its last reading
    used = {"ingest-service": 0.0, "ingest-db": 0.0, "loader": 0.0, "metrics-service": 0.0, "metrics-db": 0.0}
    first_reading = True
    while True:
        parts = {ingest_pid: "ingest-service", metrics_pid: "metrics-service"}
        parts.update({pid: "loader" for pid in loader_pids()})
        if psql.poll() is not None:  # exited (the database was restarted, say): another one
            psql = open_psql(psql_command)
        parts.update(session_pids(psql))
        for pid, part in parts.items():
            now = cpu_seconds(pid)
            if now is None:
                continue
            # What ran before the first reading is not the benchmark's; a process that appears later (the loader, a
            # new session) started within it, so all of its time counts.
            used[part] += now - seen.get(pid, now if first_reading else 0.0)
            seen[pid] = now
        first_reading = False
        with open(out + ".tmp", "w") as tmp:
            json.dump(used, tmp)
        os.replace(out + ".tmp", out)
        time.sleep(1)


if __name__ == "__main__":
    main()
