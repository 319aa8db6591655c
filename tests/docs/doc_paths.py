#!/usr/bin/env python3
"""Fails on any reference to a project file that does not exist (issue 12 item 6).

Scanned: README.md, docs/**/*.md, scenarios/*.toml, and what the report prints (report.html and
run.json of `ricardo run --out`, when --ricardo is given: its notes, sources and captions).

A reference is
  * a project-relative path: a word starting with one of the project's top-level folders
    (data/, docs/, scenarios/, src/, include/, tests/, tools/, apps/, web/, scripts/, bench/,
    fuzz/, cmake/) or naming a top-level file (README.md, CHANGELOG.md, …);
  * in Markdown files, the target of a relative link [text](target), resolved against the file's
    folder (a #fragment is dropped; http(s) and mailto links are not files).
A path with a glob (*) must match at least one file; one with a placeholder (<name>, NAME, {x},
…, XXXX) must have its part before the placeholder exist. Paths outside the project
(../shared/…, /usr/…) and paths inside a run's output folder (charts/…) are not references to
project files and are not checked.

Usage: doc_paths.py --project SOURCE_DIR [--ricardo BUILD/apps/cli/ricardo]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

TOP_FOLDERS = ("data", "docs", "scenarios", "src", "include", "tests", "tools", "apps", "web",
               "scripts", "bench", "fuzz", "cmake")
TOP_FILES = ("README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "CMakeLists.txt")

PATH_RE = re.compile(
    r"(?<![\w./~-])((?:%s)/[A-Za-z0-9_.\-/*<>{}…]*[A-Za-z0-9_*>}…/-]|(?:%s)(?![\w.]))"
    % ("|".join(TOP_FOLDERS), "|".join(re.escape(f) for f in TOP_FILES)))
LINK_RE = re.compile(r"\]\(([^)\s]+)\)")
# Paths made by the build, not kept in git: named on purpose (how to make them is beside them).
GENERATED = {"web/dist": "the dashboard's build output (npm run build, web/dashboard.cmake)"}
PLACEHOLDER_RE = re.compile(r"<|\{|…|\*|\b[A-Z]{2,}[A-Z_]*\b|XXXX|YYYY")


def exists(project, path):
    """True when `path` (relative to `project`) names an existing file or folder."""
    path = path.rstrip("/")
    if path in GENERATED or any(path.startswith(g + "/") for g in GENERATED):
        return True
    full = os.path.join(project, path)
    if "*" in path and not PLACEHOLDER_RE.search(path.replace("*", "")):
        return bool(glob.glob(full, recursive=True))
    match = PLACEHOLDER_RE.search(path)
    if match:
        # The part before the placeholder must exist (a folder, or a file-name prefix).
        head = path[:match.start()]
        if "/" not in head:
            return True
        folder, stem = head.rsplit("/", 1)
        folder_full = os.path.join(project, folder)
        return os.path.isdir(folder_full) and any(n.startswith(stem) for n in os.listdir(folder_full))
    return os.path.exists(full)


def scan_text(project, label, text, markdown_dir=None):
    """Yields (label, line number, reference) for every missing reference in `text`."""
    for number, line in enumerate(text.splitlines(), 1):
        for m in PATH_RE.finditer(line):
            ref = m.group(1).rstrip(".")
            # A path inside a run's output folder or the shared folder, not the project's.
            before = line[:m.start()]
            if before.endswith("../") or before.endswith("shared/") or before.endswith("$"):
                continue
            if not exists(project, ref):
                yield label, number, ref
        if markdown_dir is not None:
            for m in LINK_RE.finditer(line):
                target = m.group(1).split("#", 1)[0]
                if not target or re.match(r"^[a-z]+:", target):
                    continue
                resolved = os.path.normpath(os.path.join(markdown_dir, target))
                relative = os.path.relpath(resolved, project)
                if relative.startswith(".."):
                    continue  # outside the project (../shared): not a project file
                if not exists(project, relative):
                    yield label, number, target + " (link)"


def report_texts(ricardo):
    """report.html and run.json of the default run, as text: what the report prints."""
    with tempfile.TemporaryDirectory(prefix="ricardo-doc-paths-") as tmp:
        out = os.path.join(tmp, "out")
        subprocess.run([ricardo, "run", "--quiet", "--out", out], check=True,
                       stdout=subprocess.DEVNULL)
        texts = {}
        for name in ("report.html", "run.json"):
            path = os.path.join(out, name)
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                # Only the words: the inline SVG's markup and the JSON's numbers carry no paths,
                # but the stamp's command line names the scratch folder.
                text = re.sub(r"<svg.*?</svg>", "", text, flags=re.S)
                texts["(report) " + name] = text.replace(out, "OUT")
        return texts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", required=True)
    parser.add_argument("--ricardo")
    args = parser.parse_args()
    project = os.path.abspath(args.project)
    files = ["README.md"] + sorted(glob.glob(os.path.join(project, "docs", "**", "*.md"), recursive=True))
    files += sorted(glob.glob(os.path.join(project, "scenarios", "*.toml")))
    missing = []
    for f in files:
        full = os.path.join(project, f)
        with open(full, encoding="utf-8") as handle:
            text = handle.read()
        label = os.path.relpath(full, project)
        markdown_dir = os.path.dirname(full) if full.endswith(".md") else None
        missing += list(scan_text(project, label, text, markdown_dir))
    if args.ricardo:
        for label, text in report_texts(args.ricardo).items():
            missing += list(scan_text(project, label, text))
    for label, number, ref in missing:
        print(f"{label}:{number}: '{ref}' does not exist in the project", file=sys.stderr)
    print(f"doc_paths: {len(files)} files scanned, {len(missing)} missing references")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
