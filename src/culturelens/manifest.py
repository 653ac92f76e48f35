"""Provenance: hashes of every artefact, what made it, and how to check them again.

Each rule records what it wrote (a *rule record*); the last rule folds the records into
``manifest.json``. Paths inside are relative to the results folder, so the same run into
another folder writes an identical manifest.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import culturelens

MANIFEST_NAME = "manifest.json"
# Code whose change can change results: the package, the workflow, the default config,
# and the lock file that pins every dependency.
CODE_GLOBS = ("Snakefile", "workflow/**/*", "config/config.yaml", "requirements.lock")
VERSIONED_PACKAGES = ("snakemake", "pandas", "numpy", "scipy", "scikit-learn", "matplotlib")
# Keys that say where or how fast to run, not what to compute: results do not depend on them.
EXECUTION_KEYS = ("results", "shards")


def sha256_file(path: str | Path) -> str:
    """sha256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [path]


def relative_to_results(path: str | Path, *, results: str | Path) -> str:
    """``path`` relative to the results folder when inside it, else as given (POSIX)."""
    path, results = Path(path), Path(results)
    try:
        return path.resolve().relative_to(results.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def file_entries(paths: Iterable[str | Path], *, results: str | Path) -> list[dict[str, Any]]:
    """``path``, ``sha256`` and ``bytes`` of every file (folders expanded), sorted by path."""
    entries = [
        {
            "path": relative_to_results(f, results=results),
            "sha256": sha256_file(f),
            "bytes": f.stat().st_size,
        }
        for p in paths
        for f in _files(Path(p))
    ]
    return sorted(entries, key=lambda e: e["path"])


def rule_record(
    *,
    rule: str,
    inputs: Sequence[str],
    outputs: Sequence[str],
    params: Mapping[str, Any],
    results: str | Path,
) -> dict[str, Any]:
    """What one rule read and wrote, for the manifest."""
    return {
        "rule": rule,
        "inputs": file_entries(inputs, results=results),
        "outputs": file_entries(outputs, results=results),
        "params": json.loads(json.dumps(dict(params), sort_keys=True, default=str)),
    }


def code_fingerprint(*, workflow_root: str | Path) -> str:
    """sha256 over the package source and data, the workflow, the default config and the lock file.

    Not the git commit: committed results would be stale at every commit.
    """
    package_root = Path(culturelens.__file__).parent
    named = [
        (f"culturelens/{p.relative_to(package_root).as_posix()}", p) for p in _files(package_root)
    ]
    root = Path(workflow_root)
    for pattern in CODE_GLOBS:
        named += [
            (p.relative_to(root).as_posix(), p) for p in sorted(root.glob(pattern)) if p.is_file()
        ]
    digest = hashlib.sha256()
    for name, path in sorted(named):
        if "__pycache__" in name or name.endswith(".pyc"):
            continue
        digest.update(f"{name}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def analysis_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """The resolved config minus execution-only keys."""
    return {k: v for k, v in sorted(config.items()) if k not in EXECUTION_KEYS}


def software_versions() -> dict[str, str]:
    """Versions of the interpreter and the libraries that shape results."""
    versions = {"python": ".".join(platform.python_version_tuple()[:2])}
    for name in VERSIONED_PACKAGES:
        versions[name] = importlib.metadata.version(name)
    return versions


def run_section(
    *, config: Mapping[str, Any], code: str, corpus: str, lexicon: Mapping[str, str]
) -> dict[str, Any]:
    """The ``run`` part of the manifest; ``run_id`` is a hash of everything that defines the run."""
    resolved = analysis_config(config)
    identity = json.dumps([code, corpus, resolved, software_versions()], sort_keys=True)
    return {
        "package": "culturelens",
        "version": culturelens.__version__,
        "run_id": hashlib.sha256(identity.encode()).hexdigest()[:12],
        "code_fingerprint": code,
        "corpus_fingerprint": corpus,
        "seed": config.get("seed"),
        "config": resolved,
        "lexicon": dict(lexicon),
        "software": software_versions(),
    }


def build_manifest(run: Mapping[str, Any], records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Fold rule records into one manifest: an ``artefacts`` list sorted by path."""
    artefacts = []
    for record in records:
        for out in record["outputs"]:
            artefacts.append(
                {
                    **out,
                    "rule": record["rule"],
                    "inputs": record["inputs"],
                    "params": record["params"],
                }
            )
    artefacts.sort(key=lambda a: a["path"])
    paths = [a["path"] for a in artefacts]
    duplicates = sorted({p for p in paths if paths.count(p) > 1})
    if duplicates:
        raise ValueError(f"artefacts recorded by more than one rule: {', '.join(duplicates)}")
    return {"manifest_version": 1, "run": dict(run), "artefacts": artefacts}


def verify(results: str | Path) -> list[str]:
    """Re-hash every artefact in ``results/manifest.json``; return one line per problem."""
    results = Path(results)
    manifest_path = results / MANIFEST_NAME
    if not manifest_path.is_file():
        return [f"{manifest_path}: missing (run snakemake first, or pass the results folder)"]
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    problems = []
    listed = set()
    for artefact in manifest["artefacts"]:
        path = results / artefact["path"]
        listed.add(artefact["path"])
        if not path.is_file():
            problems.append(f"{artefact['path']}: missing")
        elif sha256_file(path) != artefact["sha256"]:
            problems.append(f"{artefact['path']}: sha256 differs from the manifest (file changed)")
        elif path.stat().st_size != artefact["bytes"]:
            problems.append(f"{artefact['path']}: size differs from the manifest")
    for path in _files(results):
        rel = path.relative_to(results).as_posix()
        if (
            rel not in listed
            and rel != MANIFEST_NAME
            and not rel.startswith(("interim/", "report"))
        ):
            problems.append(f"{rel}: not listed in the manifest")
    return problems


def find_artefact(manifest: Mapping[str, Any], relpath: str) -> dict[str, Any]:
    """The manifest entry for ``relpath``.

    Raises:
        KeyError: with the list of a few known paths, when ``relpath`` is not an artefact.
    """
    for artefact in manifest["artefacts"]:
        if artefact["path"] == relpath:
            return dict(artefact)
    known = ", ".join(a["path"] for a in manifest["artefacts"][:5])
    raise KeyError(f"'{relpath}' is not in the manifest (e.g. {known}, ...)")
