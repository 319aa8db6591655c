#!/usr/bin/env python3
"""Runs every command that README.md and docs/*.md show, and fails if one fails.

A command is
  * a line of a ```sh / ```bash block, or a line starting with "$ " in any fenced block
    (continued over lines ending in a backslash; a trailing "# comment" is dropped);
  * an inline code span that starts with "ricardo " or "build/apps/cli/ricardo " and is
    concrete: no synopsis markers ([, |, …, ...) and no placeholder words in capitals (FILE,
    DIR, NAME, S …; country codes such as CAN are not placeholders), which mark a usage line
    rather than something to type; and more than a command's name (`ricardo scenario explain`
    in a sentence names the command).

How each runs, in a scratch folder that links the project's scenarios/, data/, docs/, web/ and
build/ (so relative paths in the docs resolve and outputs stay out of the source tree):
  * "ricardo …" and "build/apps/cli/ricardo …": the built binary; must exit 0.
  * "ricardo serve …" (with or without "&"): (re)starts a server on a free port with those
    options; later "curl" lines of the same file talk to it (the documented port is replaced).
    A "curl -si" whose block shows "HTTP/1.1 NNN" next must get that status.
  * Commands listed in NOT_RUN_HERE are not run, each for the reason given there; the test fails
    if one of them is no longer in the docs (the list must stay true).

Usage: doc_commands.py --ricardo BUILD/apps/cli/ricardo --project SOURCE_DIR
"""
import argparse
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

# Commands the docs show that this test does not run, and why. Keys are the command as written
# (after joining continuation lines and dropping comments).
NOT_RUN_HERE = {
    "scripts/main-job.sh": "installs packages and builds; CI runs it on a fresh clone",
    "scripts/test.sh": "runs this very suite (CI's entry point)",
    "scripts/build.sh -DRICARDO_BUILD_BENCHMARKS=ON && taskset -c 0 build/bench/solver_bench":
        "reconfigures the build; benchmarks are run by hand (README, Speed)",
    "ctest --test-dir build -R browser.dashboard": "the dashboard's browser test, run by the suite itself",
    "node web/tests/dashboard-test.mjs --ricardo build/apps/cli/ricardo --scenarios scenarios "
    "--scenario us-tariffs-2025-11-retaliation --measure s232-steel --screenshot docs/dashboard-screenshot.png":
        "retakes the committed screenshot; the suite runs the same test (browser.dashboard)",
    "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2 --target ricardo_cli":
        "reconfigures the build the suite runs in",
    "scripts/load-test.sh --bin build/apps/cli/ricardo --wait-quiet 30": "a 30 s load test per mode, run by hand",
    "scripts/load-test.sh --bin build/apps/cli/ricardo --attack slow --duration 30":
        "a 30 s attack, run by hand; tests/server/attack_test.cpp runs a bounded one in the suite",
    "build/bench/scale_curve --runs 3 --repeats 5 --csv docs/scale-curve.csv --chart docs/scale-curve.charts.json":
        "measures the scale curve for minutes and rewrites its committed table; run by hand",
    "build/bench/scale_curve --from-csv docs/scale-curve.csv --from-csv docs/scale-curve-large.csv "
    "--chart docs/scale-curve.charts.json":
        "rewrites the committed chart spec; tests/data/synthetic_world_test.cpp tests the worlds",
    "node tools/report/render-charts.mjs docs/scale-curve.charts.json docs":
        "rewrites the committed docs/scale-curve.svg; the report tests render charts the same way",
    "build/bench/scale_curve --regions 200,400,700,1000 --sectors 65 --repeats 1 --max-seconds 1200":
        "sizes beyond the grid, many minutes and gigabytes; run by hand",
    "taskset -c 0 build/bench/scale_bench": "benchmarks are run by hand (README, Speed)",
}

CAPITALS = re.compile(r"(?<![\w.-])[A-Z][A-Z0-9_]*(?![\w-])")
# Words that make up a command's name (ricardo scenario explain), not its arguments.
COMMAND_WORDS = {"run", "serve", "compare", "sweep", "replicate", "data", "scenario", "explain",
                 "check", "list", "show", "import", "aggregate", "build"}
SYNOPSIS = re.compile(r"[\[\]|…]|\.\.\.")


def country_codes(project):
    """ISO3 and region codes the docs may write in capitals (not placeholders)."""
    codes = set()
    for root, _, names in os.walk(os.path.join(project, "data", "baselines")):
        if "regions.csv" in names:
            for row in open(os.path.join(root, "regions.csv"), encoding="utf-8"):
                codes.add(row.split(",")[0].strip())
    for row in open(os.path.join(project, "data", "tariffs", "census_iso3.csv"), encoding="utf-8"):
        codes.update(field.strip() for field in row.split(","))
    return codes


def is_concrete(command, codes):
    words = command.split()[1:]
    if not words or all(w in COMMAND_WORDS for w in words):
        return False  # the command's name, in a sentence
    if SYNOPSIS.search(command):
        return False
    return all(w in codes for w in CAPITALS.findall(" ".join(words)))


def commands_in(path, codes):
    """(line number, command, expected HTTP status or None) for each command in one file."""
    text = open(path, encoding="utf-8").read()
    found = []
    for block in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
        lang = block.group(1)
        start_line = text.count("\n", 0, block.start(2)) + 1
        lines = block.group(2).split("\n")
        shell = lang in ("sh", "bash", "shell")
        i = 0
        while i < len(lines):
            line = lines[i]
            number = start_line + i
            i += 1
            if not (shell and line.strip() and not line.lstrip().startswith("#")) and not line.startswith("$ "):
                continue
            command = line[2:] if line.startswith("$ ") else line.strip()
            while command.rstrip().endswith("\\") and i < len(lines):
                command = command.rstrip()[:-1].rstrip() + " " + lines[i].strip()
                i += 1
            command = strip_comment(command).strip()
            expected = None
            if i < len(lines) and re.match(r"HTTP/1\.[01] (\d{3})", lines[i]):
                expected = int(re.match(r"HTTP/1\.[01] (\d{3})", lines[i]).group(1))
            found.append((number, command, expected))
    # Inline spans outside fenced blocks.
    outside = re.sub(r"^```.*?^```", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S | re.M)
    for span in re.finditer(r"`((?:build/apps/cli/)?ricardo [^`]+)`", outside):
        command = span.group(1).strip()
        if not is_concrete(command, codes):
            continue
        found.append((outside.count("\n", 0, span.start()) + 1, command, None))
    return found


def strip_comment(command):
    """Drops a trailing '# comment' that is outside quotes."""
    quote = None
    for k, ch in enumerate(command):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (k == 0 or command[k - 1] == " "):
            return command[:k]
    return command


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, ricardo, cwd):
        self.ricardo, self.cwd, self.process, self.port = ricardo, cwd, None, None

    def start(self, arguments):
        self.stop()
        self.port = free_port()
        args = [a for a in arguments if a != "&"]
        if "--port" in args:
            k = args.index("--port")
            del args[k:k + 2]
        self.process = subprocess.Popen([self.ricardo, "serve", *args, "--port", str(self.port)],
                                        cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v1/health", timeout=1).read()
                return None
            except Exception:
                if self.process.poll() is not None:
                    return self.process.stderr.read().decode(errors="replace")
                time.sleep(0.1)
        return "the server did not answer /api/v1/health within 30 s"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def run(command, expected, ricardo, cwd, server, env):
    """None if the command did what the docs say; otherwise what went wrong."""
    words = shlex.split(command)
    if words[0] in ("ricardo", "build/apps/cli/ricardo") and len(words) > 1 and words[1] == "serve":
        return server.start(words[2:])
    if words[0] == "curl":
        if server.process is None:
            return "a curl command before any 'ricardo serve' in this file"
        command = re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{server.port}", command)
        done = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, timeout=120)
        if done.returncode != 0:
            return f"curl exited {done.returncode}: {done.stderr.decode(errors='replace')[:300]}"
        if expected is not None:
            status = re.match(rb"HTTP/1\.[01] (\d{3})", done.stdout)
            if not status or int(status.group(1)) != expected:
                return f"expected HTTP {expected}, got: {done.stdout[:200]!r}"
        return None
    if words[0] in ("ricardo", "build/apps/cli/ricardo"):
        done = subprocess.run([ricardo, *words[1:]], cwd=cwd, env=env, capture_output=True, timeout=300)
        if done.returncode != 0:
            return f"exit {done.returncode}: {done.stderr.decode(errors='replace')[:400]}"
        return None
    return "not a command this test knows how to run: run it here, or add it to NOT_RUN_HERE with a reason"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ricardo", required=True)
    parser.add_argument("--project", required=True)
    args = parser.parse_args()
    project = os.path.abspath(args.project)
    ricardo = os.path.abspath(args.ricardo)
    files = ["README.md"] + sorted("docs/" + f for f in os.listdir(os.path.join(project, "docs")) if f.endswith(".md"))

    scratch = tempfile.mkdtemp(prefix="ricardo-doc-commands-")
    for name in ("scenarios", "data", "docs", "web"):
        os.symlink(os.path.join(project, name), os.path.join(scratch, name))
    os.makedirs(os.path.join(scratch, "build", "apps", "cli"))
    os.symlink(ricardo, os.path.join(scratch, "build", "apps", "cli", "ricardo"))
    env = dict(os.environ, PATH=os.path.dirname(ricardo) + os.pathsep + os.environ.get("PATH", ""))

    codes = country_codes(project)
    failures, ran, skipped_seen = [], 0, set()
    try:
        for name in files:
            server = Server(ricardo, scratch)
            try:
                for line, command, expected in commands_in(os.path.join(project, name), codes):
                    if command in NOT_RUN_HERE:
                        skipped_seen.add(command)
                        continue
                    problem = run(command, expected, ricardo, scratch, server, env)
                    ran += 1
                    status = "ok" if problem is None else "FAILED"
                    print(f"{status:6} {name}:{line}: {command}", flush=True)
                    if problem:
                        failures.append(f"{name}:{line}: {command}\n    {problem}")
            finally:
                server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    stale = sorted(set(NOT_RUN_HERE) - skipped_seen)
    for command in stale:
        failures.append(f"NOT_RUN_HERE lists a command the docs no longer show: {command}")
    print(f"\n{ran} commands run, {len(skipped_seen)} not run here (see NOT_RUN_HERE), {len(failures)} problems")
    for f in failures:
        print("\n" + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
