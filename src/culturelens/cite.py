"""Citations for artefacts: a one-line reference and a BibTeX entry from the manifest."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

RE_BIBKEY_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def git_commit(path: str | Path) -> str:
    """The last commit that touched ``path`` if it is tracked and unchanged, else ``""``."""
    path = Path(path)
    cwd = path.parent if path.parent.exists() else Path.cwd()

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        # The path is passed as one argv element after "--": never through a shell.
        return subprocess.run(
            ["git", *args, "--", path.name], cwd=cwd, capture_output=True, text=True
        )

    try:
        tracked = git("ls-files", "--error-unmatch")
        if tracked.returncode != 0 or git("diff", "--quiet", "HEAD").returncode != 0:
            return ""
        return git("log", "-1", "--format=%H").stdout.strip()
    except OSError:  # git is not installed
        return ""


KINDS = {
    ".csv": "data table",
    ".png": "figure",
    ".svg": "figure",
    ".html": "web page",
    ".json": "metadata",
}


def artefact_kind(path: str) -> str:
    """What a reader should call the artefact in a reference list."""
    return KINDS.get(Path(path).suffix.lower(), "text")


def citation(artefact: Mapping[str, Any], run: Mapping[str, Any], *, commit: str = "") -> str:
    """One line naming the artefact, version, run id, sha256 and, when known, the commit."""
    at = f", commit {commit[:12]}" if commit else ""
    return (
        f"culturelens {run['version']} ({run['run_id']}{at}). {artefact['path']} "
        f"[{artefact_kind(artefact['path'])}], sha256:{artefact['sha256']}. "
        f"Produced by rule '{artefact['rule']}'."
    )


def bibtex(artefact: Mapping[str, Any], run: Mapping[str, Any], *, commit: str = "") -> str:
    """A ``@misc`` BibTeX entry for the artefact."""
    stem = RE_BIBKEY_UNSAFE.sub("_", Path(artefact["path"]).stem).strip("_")
    key = f"culturelens_{stem}_{run['run_id'][:8]}"
    fields = {
        "title": f"{{culturelens}} artefact {artefact['path']}",
        "author": "{culturelens developers}",
        "note": f"version {run['version']}, run {run['run_id']}, sha256 {artefact['sha256']}"
        + (f", git commit {commit}" if commit else ""),
        # No repository address is assumed; the software citation is CITATION.cff.
        "howpublished": "culturelens software, cited as in its CITATION.cff",
        "version": run["version"],
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}"
