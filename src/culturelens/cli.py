"""The ``culturelens`` command: cite and verify artefacts, probe the scorer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from culturelens import __version__
from culturelens.cite import bibtex, citation, git_commit
from culturelens.manifest import MANIFEST_NAME, find_artefact, verify


def _find_results(path: Path) -> Path:
    """The results folder holding ``path`` (the nearest parent with a manifest)."""
    for parent in path.resolve().parents:
        if (parent / MANIFEST_NAME).is_file():
            return parent
    raise FileNotFoundError(
        f"no {MANIFEST_NAME} above '{path}'; cite a file inside a results folder"
    )


def cmd_cite(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.is_file():
        print(
            f"culturelens cite: '{path}' is not a file; give a table or figure path",
            file=sys.stderr,
        )
        return 2
    results = _find_results(path)
    manifest = json.loads((results / MANIFEST_NAME).read_text(encoding="utf-8"))
    try:
        artefact = find_artefact(manifest, path.resolve().relative_to(results.resolve()).as_posix())
    except KeyError as err:
        print(f"culturelens cite: {err.args[0]}", file=sys.stderr)
        return 2
    commit = git_commit(path)
    print(citation(artefact, manifest["run"], commit=commit))
    print()
    print(bibtex(artefact, manifest["run"], commit=commit))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    problems = verify(args.results)
    for line in problems:
        print(line)
    if problems:
        print(f"verify: {len(problems)} problem(s) in {args.results}", file=sys.stderr)
        return 1
    n = len(
        json.loads((Path(args.results) / MANIFEST_NAME).read_text(encoding="utf-8"))["artefacts"]
    )
    print(f"verify: all {n} artefacts in {args.results} match the manifest")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from culturelens.lexicon import load_lexicon  # imported late: only this command needs it
    from culturelens.model import train_model
    from culturelens.scoring import score_sentence

    lexicon = load_lexicon(args.lexicon)
    model = None if args.no_model else train_model(lexicon=lexicon, seed=args.seed)
    for text in args.sentences:
        score = score_sentence(text, lexicon=lexicon, model=model)
        print(f"{score.label}\tblame={score.blame:.2f}\tsupport={score.support:.2f}\t{text}")
        print(f"  evidence: {score.evidence}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="culturelens", description=__doc__)
    parser.add_argument("--version", action="version", version=f"culturelens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    cite = sub.add_parser("cite", help="print a citation and BibTeX entry for an artefact")
    cite.add_argument("path", help="a table or figure inside a results folder")
    cite.set_defaults(func=cmd_cite)
    ver = sub.add_parser("verify", help="re-hash every artefact against manifest.json")
    ver.add_argument(
        "results", nargs="?", default="results", help="results folder (default: results)"
    )
    ver.set_defaults(func=cmd_verify)
    score = sub.add_parser(
        "score", help="label sentences as blame/support/mixed/neutral, with evidence"
    )
    score.add_argument("sentences", nargs="+", help="one or more sentences")
    score.add_argument("--lexicon", default=None, help="a lexicon CSV (default: the packaged one)")
    score.add_argument("--seed", type=int, default=20181129, help="seed for the scoring model")
    score.add_argument("--no-model", action="store_true", help="rules only, no supervised model")
    score.set_defaults(func=cmd_score)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (FileNotFoundError, ValueError) as err:
        print(f"culturelens {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
