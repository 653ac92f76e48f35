"""The annotated corpus viewer: one self-contained, static HTML page.

Each document is shown with its sentences coloured by label, lexicon hits, negators and
negation scope marked, the lines the cleaner removed struck through in grey at their
line positions, and the document's scores.

The page is built entirely here, as escaped HTML: it contains no JavaScript, loads
nothing from the network (a Content-Security-Policy forbids it) and every piece of
document text goes through :func:`html.escape`, so a scraped article containing
``<script>`` or markup is shown as text. The label filters are CSS-only checkboxes (``:has``).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

import pandas as pd

from culturelens.plots.common import PALETTE

RE_WORD = re.compile(r"\w+")
RE_LIST_SEP = re.compile(r"\s*;\s*")

LABELS = ("blame", "support", "mixed", "neutral")
TAGS = {"blame": "B", "support": "S", "mixed": "M", "neutral": ""}
REQUIRED = {
    "documents": ("doc_id",),
    "sentence_scores": ("doc_id", "sentence_id", "text", "label"),
    "removed_lines": ("doc_id", "line_no", "rule", "text"),
}
MAX_DOCUMENTS = 1000
# Marks drawn per sentence: a run-on "sentence" of megabytes with a hit every few words
# would otherwise multiply the page size; the text itself is always shown in full.
MAX_MARKS = 2000
DOC_FIELDS = ("source", "date", "status", "reason", "near_duplicate_of")
# No script, no fetches: even if escaping ever failed, the browser would refuse to run it.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

CSS = """
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 margin:0;color:#222}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin:0 0 .3rem}
.legend span{margin-right:.8rem;white-space:nowrap}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin-right:.25em;
 border-radius:2px}
.filters label{margin-right:1rem;white-space:nowrap}
nav ol{columns:2;font-size:.9rem}
article{border-top:1px solid #ccc;padding:1rem 0 1.5rem}
.meta{font-size:.85rem;color:#555;margin:0 0 .5rem}
dl.scores{display:flex;flex-wrap:wrap;gap:.25rem;font-size:.8rem;margin:.3rem 0 .8rem}
dl.scores div{border:1px solid #ddd;border-radius:3px;padding:.05rem .4rem}
dl.scores dt{display:inline;color:#555}dl.scores dt::after{content:": "}
dl.scores dd{display:inline;margin:0;font-weight:600}
p{margin:.45rem 0}
.s{padding:.05em .1em;border-radius:2px}
.s.quote{font-style:italic}
.s.repeat{opacity:.55}
.tag{font-size:.65em;font-weight:700;margin-left:.1em}
.hit{font-weight:700;border-bottom:2px solid currentColor}
.neg{font-weight:700;font-variant:small-caps}
.scope{text-decoration:underline dashed #333;text-underline-offset:.25em}
.removed{color:#888;font-size:.85rem;font-family:ui-monospace,"DejaVu Sans Mono",monospace;
 margin:.2rem 0;overflow-wrap:anywhere}
.removed del{text-decoration:line-through}
.removed .rule{font-style:italic;margin-left:.5em}
.ln{display:inline-block;min-width:3em;color:#aaa}
.note{font-size:.85rem;color:#555}
body:has(#hide-neutral:checked) main .s.neutral{opacity:.35}
body:has(#hide-removed:checked) main .removed{display:none}
body:has(#show-evidence:checked) main .evidence{display:block}
.evidence{display:none;font-size:.8rem;color:#444;margin:.1rem 0 .4rem 1rem}
footer{font-size:.8rem;color:#555;padding:1rem}
"""


def _label_css() -> str:
    rules = []
    for label in LABELS:
        colour = PALETTE[label]
        # A tint behind the text and a solid bar under it; the B/S/M tags repeat the label,
        # so colour never carries the meaning alone.
        fill = "transparent" if label == "neutral" else f"{colour}2e"
        bar = "none" if label == "neutral" else f"inset 0 -3px 0 {colour}"
        rules.append(
            f".s.{label}{{background:{fill};box-shadow:{bar}}}"
            f".{label} .tag,.tag.{label}{{color:{colour}}}"
        )
        rules.append(f".sw.{label}{{background:{colour}}}")
    return "\n".join(rules)


def _run_line(run: Mapping[str, Any]) -> str:
    return f"culturelens {_esc(run.get('version', ''))} · run {_esc(run.get('run_id', ''))}"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1")


def _split(value: Any) -> list[str]:
    text = "" if value is None else str(value)
    return [part for part in RE_LIST_SEP.split(text) if part]


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in RE_WORD.finditer(text)]


def _phrase_spans(words: Sequence[tuple[str, int, int]], phrase: str) -> list[tuple[int, int]]:
    """Character spans where the words of ``phrase`` occur in order in ``words`` (any case)."""
    want = [w.lower() for w in RE_WORD.findall(phrase)]
    if not want:
        return []
    n = len(want)
    return [
        (words[i][1], words[i + n - 1][2])
        for i in range(len(words) - n + 1)
        if words[i][0] == want[0] and all(words[i + j][0] == want[j] for j in range(1, n))
    ]


def _marks(row: Mapping[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) for every lexicon hit, negator and negation scope."""
    words = _words(str(row["text"]))
    marks = []
    for item in _split(row.get("matched_terms", "")):
        term, _, category = item.rpartition(":") if ":" in item else (item, "", "")
        title = f"lexicon: {category or term}"
        marks += [(a, b, "hit", title) for a, b in _phrase_spans(words, term)]
    for neg in _split(row.get("negators", "")):
        marks += [(a, b, "neg", "negator") for a, b in _phrase_spans(words, neg)]
    for scope in _split(row.get("scope", "")):
        marks += [(a, b, "scope", "negation scope") for a, b in _phrase_spans(words, scope)]
    return marks[:MAX_MARKS]


def _wrap(piece: str, active: Counter[tuple[str, str]]) -> str:
    keys = [k for k, n in active.items() if n > 0]
    if not piece or not keys:
        return _esc(piece)
    classes = " ".join(sorted({cls for cls, _ in keys}))
    title = "; ".join(sorted({t for _, t in keys}))
    return f'<span class="{classes}" title="{_esc(title)}">{_esc(piece)}</span>'


def _marked_text(text: str, marks: Sequence[tuple[int, int, str, str]]) -> str:
    """``text`` escaped; each run of characters is wrapped in the classes of its covering marks."""
    # A sweep over start/end events: linear in the marks, however many a long text has.
    events = sorted(
        [(a, 1, cls, title) for a, b, cls, title in marks if a < b]
        + [(b, -1, cls, title) for a, b, cls, title in marks if a < b]
    )
    out, active, pos = [], Counter[tuple[str, str]](), 0
    for at, group in groupby(events, key=itemgetter(0)):
        out.append(_wrap(text[pos:at], active))
        pos = at
        for _, delta, cls, title in group:
            active[(cls, title)] += delta
    out.append(_wrap(text[pos:], active))
    return "".join(out)


def _sentence_html(row: Mapping[str, Any]) -> str:
    label = str(row["label"]) if str(row["label"]) in LABELS else "neutral"
    classes = ["s", label]
    title = [f"{label}", str(row.get("evidence", "") or "")]
    if _truthy(row.get("is_quote", False)):
        classes.append("quote")
        if row.get("speaker"):
            title.append(f"quote: {row['speaker']}")
    if row.get("repeat_of"):
        classes.append("repeat")
        title.append(f"repeat of {row['repeat_of']}")
    body = _marked_text(str(row["text"]), _marks(row))
    tag = f'<sup class="tag">{TAGS[label]}</sup>' if TAGS[label] else ""
    tooltip = _esc(" · ".join(t for t in title if t))
    return f'<span class="{" ".join(classes)}" title="{tooltip}">{body}{tag}</span>'


def _evidence_html(rows: Iterable[Mapping[str, Any]]) -> str:
    items = [
        f"<li>{_esc(r['sentence_id'])} [{_esc(r['label'])}]: {_esc(r.get('evidence', ''))}</li>"
        for r in rows
        if str(r["label"]) != "neutral"
    ]
    return f'<ul class="evidence">{"".join(items)}</ul>' if items else ""


def _removed_html(row: Mapping[str, Any], *, max_chars: int) -> str:
    text = str(row["text"])
    more = f" … ({len(text) - max_chars} more characters)" if len(text) > max_chars else ""
    rule = _esc(row["rule"])
    return (
        f'<div class="removed" title="removed by rule {rule}">'
        f'<span class="ln">{_esc(row["line_no"])}</span>'
        f'<del>{_esc(text[:max_chars])}</del>{_esc(more)}<span class="rule">{rule}</span></div>'
    )


def _line(group: pd.DataFrame) -> float:
    """The raw line a paragraph starts on, or -inf when unknown."""
    if "line_no" not in group.columns:
        return float("-inf")
    line = pd.to_numeric(group["line_no"], errors="coerce").min()
    return float(line) if pd.notna(line) else float("-inf")


def _blocks(sents: pd.DataFrame, removed: pd.DataFrame, *, max_chars: int) -> list[str]:
    """Paragraphs and removed lines, in raw-line order.

    Without paragraph line numbers the removed lines come first, in line order.
    """
    key = "paragraph_id" if "paragraph_id" in sents.columns else "sentence_id"
    items: list[tuple[float, int, int, str]] = []
    for order, (_, group) in enumerate(sents.groupby(key, sort=False)):
        rows = group.to_dict("records")
        para = "<p>" + " ".join(_sentence_html(r) for r in rows) + "</p>" + _evidence_html(rows)
        items.append((_line(group), 1, order, para))
    positioned = all(line != float("-inf") for line, *_ in items)
    for order, row in enumerate(removed.to_dict("records")):
        line = (
            float(pd.to_numeric(row["line_no"], errors="coerce")) if positioned else float("-inf")
        )
        # At equal positions a removed line goes first (sort key 0 before 1).
        items.append((line, 0, order, _removed_html(row, max_chars=max_chars)))
    items.sort(key=lambda item: item[:3])
    return [item[3] for item in items]


def _scores_html(scores: Mapping[str, Any] | None, label_counts: Mapping[str, int]) -> str:
    # document_scores.csv has the authoritative counts (repeats counted once); count labels
    # here only when it was not given.
    if scores:
        cells = [(k, v) for k, v in scores.items() if k != "doc_id"]
    else:
        cells = [(f"{label} sentences", label_counts.get(label, 0)) for label in LABELS]
    # An empty cell is an undefined value (e.g. the net index of a text with no evidence).
    shown = [(k, "n/a" if str(v) in ("", "nan") else v) for k, v in cells]
    items = "".join(f"<div><dt>{_esc(k)}</dt><dd>{_esc(v)}</dd></div>" for k, v in shown)
    return f'<dl class="scores">{items}</dl>'


def _document_html(
    index: int,
    doc: Mapping[str, Any],
    sents: pd.DataFrame,
    removed: pd.DataFrame,
    scores: Mapping[str, Any] | None,
    *,
    max_chars: int,
) -> str:
    title = doc.get("title") or doc["doc_id"]
    meta = " · ".join(f"{k}: {_esc(doc[k])}" for k in DOC_FIELDS if doc.get(k) not in (None, ""))
    counts = sents["label"].astype(str).value_counts().to_dict() if len(sents) else {}
    parts = [
        f'<article id="doc-{index}"><h2>{_esc(title)}</h2>',
        f'<p class="meta">doc_id: {_esc(doc["doc_id"])}{" · " + meta if meta else ""}</p>',
        _scores_html(scores, counts),
        *_blocks(sents, removed, max_chars=max_chars),
    ]
    if not len(sents):
        parts.append('<p class="note">No sentences (see status and reason above).</p>')
    return "\n".join(parts) + "</article>"


def _check_columns(frames: Mapping[str, pd.DataFrame]) -> None:
    for name, required in REQUIRED.items():
        frame = frames[name]
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise ValueError(
                f"{name} lacks column(s) {', '.join(missing)}; "
                "pass the table written by the pipeline"
            )


def _header_html(run: Mapping[str, Any], docs: pd.DataFrame, n_total: int) -> str:
    legend = "".join(f'<span><i class="sw {lab}"></i>{lab}</span>' for lab in LABELS)
    links = "".join(
        f'<li><a href="#doc-{i}">{_esc(d.get("title") or d["doc_id"])}</a></li>'
        for i, d in enumerate(docs.to_dict("records"))
    )
    shown = (
        ""
        if len(docs) == n_total
        else (
            f'<p class="note">Showing the first {len(docs)} of {n_total} documents (by doc_id); '
            "all are in tables/sentence_scores.csv.</p>"
        )
    )
    return (
        f"<header><h1>culturelens: annotated corpus</h1>"
        f'<p class="note">{_run_line(run)} · '
        f"{n_total} documents</p>"
        f'<p class="legend">{legend}<span><b class="hit">hit</b> lexicon term</span>'
        '<span><b class="neg">not</b> negator</span>'
        '<span><span class="scope">negation scope</span></span>'
        f'<span class="removed"><del>removed line</del></span></p>'
        '<p class="filters">'
        '<label><input type="checkbox" id="hide-neutral"> dim neutral sentences</label>'
        '<label><input type="checkbox" id="hide-removed"> hide removed lines</label>'
        '<label><input type="checkbox" id="show-evidence"> show evidence</label></p>'
        f"{shown}<nav><ol>{links}</ol></nav></header>"
    )


def _articles(
    docs: pd.DataFrame,
    sentence_scores: pd.DataFrame,
    removed_lines: pd.DataFrame,
    document_scores: pd.DataFrame | None,
    *,
    max_chars: int,
) -> list[str]:
    ids = set(docs["doc_id"])
    sents = sentence_scores[sentence_scores["doc_id"].isin(ids)]
    sents = sents.sort_values(["doc_id", "sentence_id"], kind="stable")
    removed = removed_lines[removed_lines["doc_id"].isin(ids)]
    removed = removed.assign(_ln=pd.to_numeric(removed["line_no"], errors="coerce"))
    removed = removed.sort_values(["doc_id", "_ln"], kind="stable").drop(columns="_ln")
    scores = {} if document_scores is None else document_scores.set_index("doc_id").to_dict("index")
    by_doc_s = dict(tuple(sents.groupby("doc_id", sort=False)))
    by_doc_r = dict(tuple(removed.groupby("doc_id", sort=False)))
    return [
        _document_html(
            i,
            d,
            by_doc_s.get(d["doc_id"], sents.iloc[:0]),
            by_doc_r.get(d["doc_id"], removed.iloc[:0]),
            scores.get(d["doc_id"]),
            max_chars=max_chars,
        )
        for i, d in enumerate(docs.to_dict("records"))
    ]


def render_viewer(
    documents: pd.DataFrame,
    sentence_scores: pd.DataFrame,
    removed_lines: pd.DataFrame,
    *,
    run: Mapping[str, Any],
    document_scores: pd.DataFrame | None = None,
    max_documents: int | None = MAX_DOCUMENTS,
    max_removed_chars: int = 2000,
) -> str:
    """Build the annotated viewer page.

    Args:
        documents: ``documents.csv`` (doc_id; optional title, source, date, status, reason).
        sentence_scores: ``sentence_scores.csv`` (doc_id, sentence_id, text, label; optional
            evidence, matched_terms, negators, scope, is_quote, speaker, repeat_of, and
            paragraph_id / line_no (raw line of the paragraph) to place removed lines).
        removed_lines: ``removed_lines.csv`` (doc_id, line_no, rule, text).
        run: the run section (``version`` and ``run_id`` are shown).
        document_scores: ``document_scores.csv``; every column is shown per document.
        max_documents: show at most this many documents, by doc_id (the page says how many
            are left out; a browser cannot show a million articles on one page); None: all.
        max_removed_chars: removed lines longer than this are cut, with the count of the rest.

    Returns:
        The page as one HTML string (UTF-8, no scripts, no external resources).
    """
    _check_columns(
        {"documents": documents, "sentence_scores": sentence_scores, "removed_lines": removed_lines}
    )
    if max_documents is not None and (not isinstance(max_documents, int) or max_documents < 1):
        raise ValueError(f"max_documents must be a positive int or None, got {max_documents!r}")
    docs = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    shown = docs.head(max_documents) if max_documents else docs
    articles = _articles(
        shown, sentence_scores, removed_lines, document_scores, max_chars=max_removed_chars
    )
    footer = _run_line(run)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>culturelens viewer · run {_esc(run.get('run_id', ''))}</title>"
        f"<style>{CSS}{_label_css()}</style></head><body>\n"
        f"{_header_html(run, shown, len(docs))}\n<main>\n"
        + "\n".join(articles)
        + f"\n</main><footer>{footer}</footer>"
        "</body></html>\n"
    )
