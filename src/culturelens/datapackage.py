"""A Frictionless Data Package describing every results table, and the data dictionary.

Column descriptions, types and units live in one place, the packaged
``data/data_dictionary.yaml``. From it this module builds ``datapackage.json`` (a
`Frictionless Data Package <https://specs.frictionlessdata.io/data-package/>`_ with a
Table Schema, ``bytes`` and ``hash`` per table, so tables can be validated and deposited)
and the Markdown data dictionary in ``docs/data_dictionary.md``.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from culturelens.manifest import relative_to_results, sha256_file

logger = logging.getLogger(__name__)

RE_RESOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,199}")
RE_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")
RE_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][+-]?[0-9]{1,4})?|[+-]?(?:inf|INF|NaN|nan)"
)
TYPES = ("string", "integer", "number", "boolean", "date")
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
MISSING_VALUES = ("",)
DICTIONARY_FILE = "data_dictionary.yaml"
MARKDOWN_HEADER = (
    "<!-- Generated from src/culturelens/data/data_dictionary.yaml by "
    "culturelens.datapackage.data_dictionary_markdown(); edit the YAML, not this file. -->"
)


def load_data_dictionary(path: str | Path | None = None) -> dict[str, Any]:
    """The data dictionary with shared column definitions resolved into every table.

    Returns:
        ``{table: {"title", "description", "primary_key", "fields": {column: {...}}}}``,
        each field with ``type`` and ``description`` and optionally ``unit``/``enum``.
    """
    if path is None:
        text = (
            resources.files("culturelens")
            .joinpath("data", DICTIONARY_FILE)
            .read_text(encoding="utf-8")
        )
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    shared = raw.get("columns") or {}
    tables = {}
    for name, table in raw["tables"].items():
        fields = {}
        for column, spec in (table.get("fields") or {}).items():
            fields[column] = _field_spec(
                name, column, spec if spec is not None else shared.get(column)
            )
        tables[name] = {**{k: v for k, v in table.items() if k != "fields"}, "fields": fields}
    return tables


def _field_spec(table: str, column: str, spec: Mapping[str, Any] | None) -> dict[str, Any]:
    if not spec or not spec.get("description"):
        raise ValueError(
            f"data dictionary: {table}.{column} has no description; "
            "add one (or a shared `columns` entry)"
        )
    if spec.get("type") not in TYPES:
        raise ValueError(
            f"data dictionary: {table}.{column} has type {spec.get('type')!r}; use one of {TYPES}"
        )
    return dict(spec)


def csv_columns(path: str | Path) -> list[str]:
    """The header row of a CSV file (the rest is not read)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def table_schema(
    name: str, columns: Sequence[str], *, dictionary: Mapping[str, Any]
) -> dict[str, Any]:
    """A Table Schema for table ``name`` with fields in the order of ``columns``.

    Columns the dictionary does not know get type ``any`` and an empty description, and
    are logged, so a new column never breaks a run but is visible.
    """
    known = dictionary.get(name, {}).get("fields", {})
    fields = []
    for column in columns:
        spec = known.get(column)
        if spec is None:
            logger.warning("data dictionary has no entry for %s.%s", name, column)
            fields.append({"name": column, "type": "any", "description": ""})
            continue
        field = {"name": column, "type": spec["type"], "description": spec["description"]}
        if spec.get("unit"):
            field["unit"] = spec["unit"]
        if spec.get("enum"):
            field["constraints"] = {"enum": list(spec["enum"])}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": list(MISSING_VALUES)}
    key = dictionary.get(name, {}).get("primary_key") or []
    if key and all(k in columns for k in key):
        schema["primaryKey"] = list(key)
    return schema


def _resource(
    name: str, path: Path, *, results: Path, dictionary: Mapping[str, Any]
) -> dict[str, Any]:
    if not RE_RESOURCE_NAME.fullmatch(name):
        raise ValueError(
            f"table name {name!r} is not a valid resource name; "
            "use lower-case letters, digits, '_', '-'"
        )
    meta = dictionary.get(name, {})
    return {
        "name": name,
        "path": relative_to_results(path, results=results),
        "profile": "tabular-data-resource",
        "title": meta.get("title", name),
        "description": meta.get("description", ""),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": Path(path).stat().st_size,
        "hash": f"sha256:{sha256_file(path)}",
        "dialect": {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\n"},
        "schema": table_schema(name, csv_columns(path), dictionary=dictionary),
    }


def build_datapackage(
    tables: Mapping[str, str | Path],
    *,
    results: str | Path,
    run: Mapping[str, Any],
    dictionary: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor for ``tables`` (name -> CSV path).

    Args:
        tables: table name (e.g. ``"documents"``) -> path of its CSV file.
        results: the results folder; resource paths are relative to it.
        run: the run section (``version`` and ``run_id`` name the package version).
        dictionary: a loaded data dictionary (default: the packaged one).
    """
    dictionary = load_data_dictionary() if dictionary is None else dictionary
    missing = [str(p) for p in tables.values() if not Path(p).is_file()]
    if missing:
        raise ValueError(f"tables not found: {', '.join(missing)}; build them first (snakemake)")
    results = Path(results)
    resources_ = [
        _resource(n, Path(tables[n]), results=results, dictionary=dictionary)
        for n in sorted(tables)
    ]
    return {
        "profile": "tabular-data-package",
        "name": "culturelens-results",
        "id": f"culturelens-run-{run['run_id']}",
        "title": "culturelens results: blame and support language in news text",
        "description": (
            "Tables written by one culturelens run. manifest.json beside this file lists every "
            "artefact with its sha256, the rule that made it and the run's configuration."
        ),
        "version": str(run["version"]),
        # No homepage is claimed: the software is cited through its CITATION.cff.
        "sources": [{"title": f"culturelens {run['version']} (see CITATION.cff)"}],
        "culturelens": {
            "run_id": run["run_id"],
            "version": run["version"],
            "manifest": "manifest.json",
        },
        "resources": resources_,
    }


def _cell_ok(value: str, field: Mapping[str, Any]) -> bool:
    if value in MISSING_VALUES:
        return True
    kind = field["type"]
    if kind == "integer":
        ok = bool(RE_INTEGER.fullmatch(value))
    elif kind == "number":
        ok = bool(RE_NUMBER.fullmatch(value))
    elif kind == "boolean":
        ok = value in TRUE_VALUES + FALSE_VALUES
    elif kind == "date":
        ok = _is_date(value)
    else:
        ok = True
    enum = field.get("constraints", {}).get("enum")
    return ok and (enum is None or value in enum)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def validate_table(
    path: str | Path, resource: Mapping[str, Any], *, max_errors: int = 20
) -> list[str]:
    """Check a CSV against its resource (hash, header, each cell's type); one line per problem."""
    path = Path(path)
    problems = []
    if resource.get("hash") != f"sha256:{sha256_file(path)}":
        problems.append(f"{path.name}: sha256 differs from the data package")
    fields = resource["schema"]["fields"]
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header != [f["name"] for f in fields]:
            return [*problems, f"{path.name}: columns {header} differ from the schema"]
        for row_no, row in enumerate(reader, start=2):
            for value, field in zip(row, fields, strict=False):
                if not _cell_ok(value, field):
                    problems.append(
                        f"{path.name}:{row_no}: {field['name']}={value[:40]!r} "
                        f"is not a valid {field['type']}"
                    )
            if len(problems) >= max_errors:
                break
    return problems


def _md_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def data_dictionary_markdown(dictionary: Mapping[str, Any] | None = None) -> str:
    """The data dictionary as Markdown (the README's "Data dictionary" section)."""
    dictionary = load_data_dictionary() if dictionary is None else dictionary
    out = [
        "# Data dictionary",
        "",
        MARKDOWN_HEADER,
        "",
        "Every table in `results/tables/` is described here and, machine-readably, in",
        "`results/datapackage.json` (a Frictionless Data Package with each table's schema, size",
        "and sha256). Empty cells are missing values. Labels follow the coding guide.",
    ]
    for name, table in dictionary.items():
        key = table.get("primary_key")
        out += [
            "",
            f"## `tables/{name}.csv`: {table.get('title', name)}",
            "",
            _md_cell(table.get("description", "")),
        ]
        if key:
            out[-1] += f" Key: {', '.join(f'`{k}`' for k in key)}."
        out += ["", "| column | type | unit | description |", "|---|---|---|---|"]
        for column, spec in table["fields"].items():
            desc = spec["description"] + (
                f" One of: {', '.join(spec['enum'])}." if spec.get("enum") else ""
            )
            out.append(
                f"| `{column}` | {spec['type']} | {_md_cell(spec.get('unit', ''))} "
                f"| {_md_cell(desc)} |"
            )
    return "\n".join(out) + "\n"
