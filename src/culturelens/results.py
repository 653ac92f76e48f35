"""Read a finished results folder: tables, figures, the manifest and citations.

This is the one loader the notebooks use. It recomputes nothing: it reads what the
pipeline wrote, checks each table against the sha256 in ``manifest.json`` (so a notebook
never shows numbers that differ from what a citation names), and cites artefacts with
:mod:`culturelens.cite`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from culturelens.cite import bibtex, citation, git_commit
from culturelens.io import read_csv, read_json
from culturelens.manifest import MANIFEST_NAME, find_artefact, sha256_file

TABLES_DIR = "tables"
FIGURES_DIR = "figures"
FIGURE_FORMATS = ("png", "svg")


@dataclass(frozen=True)
class Results:
    """A results folder and its manifest.

    Attributes:
        root: the results folder.
        manifest: the parsed ``manifest.json``.
    """

    root: Path
    manifest: Mapping[str, Any] = field(repr=False)

    @property
    def run(self) -> Mapping[str, Any]:
        """The run section of the manifest (version, run_id, config, software...)."""
        return self.manifest["run"]

    def artefacts(self) -> list[str]:
        """Every artefact path in the manifest, relative to :attr:`root`."""
        return [a["path"] for a in self.manifest["artefacts"]]

    def tables(self) -> list[str]:
        """Names of the tables (``documents``, ``sentence_scores``, ...), sorted."""
        prefix = f"{TABLES_DIR}/"
        return sorted(
            p[len(prefix) : -len(".csv")]
            for p in self.artefacts()
            if p.startswith(prefix) and p.endswith(".csv")
        )

    def figures(self) -> list[str]:
        """Names of the figures (the file stem, without ``.png``/``.svg``), sorted."""
        prefix = f"{FIGURES_DIR}/"
        return sorted({Path(p).stem for p in self.artefacts() if p.startswith(prefix)})

    def table_path(self, name: str) -> Path:
        """Path of table ``name`` (``"documents"`` or ``"documents.csv"``)."""
        stem = name.removesuffix(".csv")
        if stem not in self.tables():
            raise ValueError(
                f"table '{name}' is not in {self.root / MANIFEST_NAME}; "
                f"use one of: {', '.join(self.tables())}"
            )
        return self.root / TABLES_DIR / f"{stem}.csv"

    def table(self, name: str) -> pd.DataFrame:
        """Table ``name`` as a DataFrame, after checking its sha256 against the manifest."""
        path = self.table_path(name)
        self._check(path)
        return read_csv(path)

    def figure_path(self, name: str, *, fmt: str = "png") -> Path:
        """Path of figure ``name`` in format ``fmt`` (``png`` or ``svg``)."""
        if fmt not in FIGURE_FORMATS:
            raise ValueError(
                f"fmt={fmt!r} is not a figure format; use one of: {', '.join(FIGURE_FORMATS)}"
            )
        stem = Path(name).stem
        if stem not in self.figures():
            raise ValueError(
                f"figure '{name}' is not in {self.root / MANIFEST_NAME}; "
                f"use one of: {', '.join(self.figures())}"
            )
        return self.root / FIGURES_DIR / f"{stem}.{fmt}"

    def cite(self, relpath: str, *, style: str = "text") -> str:
        """A citation for the artefact at ``relpath`` (relative to :attr:`root`).

        Args:
            relpath: e.g. ``"tables/document_scores.csv"`` or ``"figures/keyness.png"``.
            style: ``"text"`` (one line) or ``"bibtex"`` (a ``@misc`` entry).
        """
        if style not in ("text", "bibtex"):
            raise ValueError(f"style={style!r} is not a citation style; use 'text' or 'bibtex'")
        try:
            artefact = find_artefact(self.manifest, relpath)
        except KeyError as err:
            raise ValueError(
                f"cite: {err.args[0]}; pass a path relative to the results folder"
            ) from None
        commit = git_commit(self.root / relpath)
        render = citation if style == "text" else bibtex
        return render(artefact, self.run, commit=commit)

    def _check(self, path: Path) -> None:
        relpath = path.relative_to(self.root).as_posix()
        expected = find_artefact(self.manifest, relpath)["sha256"]
        if not path.is_file() or sha256_file(path) != expected:
            raise ValueError(
                f"{path} does not match its sha256 in the manifest; "
                "re-run snakemake or check the folder with `culturelens verify`"
            )


def load_results(path: str | Path = "results") -> Results:
    """Open the results folder at ``path`` (it must hold ``manifest.json``)."""
    root = Path(path)
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        raise FileNotFoundError(
            f"{manifest_path} not found; pass the results folder (e.g. load_results('../results')) "
            "or run snakemake first"
        )
    manifest = read_json(manifest_path)
    if not isinstance(manifest, dict) or "artefacts" not in manifest or "run" not in manifest:
        raise ValueError(
            f"{manifest_path} is not a culturelens manifest (no 'run'/'artefacts'); "
            "re-run snakemake"
        )
    return Results(root=root, manifest=manifest)
