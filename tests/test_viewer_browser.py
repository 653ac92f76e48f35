"""The viewer in a real headless browser (Debian's chromium).

The page loads with no console messages and injected markup stays text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from culturelens.viewer import render_viewer

RE_CONSOLE = re.compile(r":CONSOLE[:(\]]")
CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).is_file()),
    "",
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="chromium is not installed (apt-get install -y chromium)"
)

SCRIPT = (
    "<script>window.__pwned=1;document.documentElement.setAttribute('data-pwned','script')</script>"
)
IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
RUN = {"version": "0.1.0", "run_id": "0123456789ab"}


def _chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0", *extra, url,
    ]  # fmt: skip
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp)


def _console(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if RE_CONSOLE.search(line)]


def _hostile_page() -> str:
    documents = pd.DataFrame(
        {
            "doc_id": ["evil", "plain"],
            "title": [f"Title {SCRIPT}", "A plain article"],
            "status": ["ok", "ok"],
        }
    )
    sentences = pd.DataFrame(
        {
            "doc_id": ["evil", "evil", "plain"],
            "sentence_id": ["evil:0001", "evil:0002", "plain:0001"],
            "paragraph_id": ["evil:p001", "evil:p002", "plain:p001"],
            "line_no": [1, 3, 1],
            "text": [
                f"Staff were blamed {SCRIPT} for it.",
                f"We must learn, not blame {IMG}.",
                "Nothing here.",
            ],
            "label": ["blame", "support", "neutral"],
            "evidence": [f"blame: blamed(+1) {IMG}", "support: NOT[blame]", "no evidence"],
            "matched_terms": ["blamed:attribution", "learn:learning; blame:attribution", ""],
            "negators": ["", "not", ""],
            "scope": ["", "not blame", ""],
            "is_quote": [False, True, False],
            "speaker": ["", f"Mallory {SCRIPT}", ""],
        }
    )
    removed = pd.DataFrame(
        {"doc_id": ["evil"], "line_no": [2], "rule": ["php_error"], "text": [f"Warning {IMG}"]}
    )
    scores = pd.DataFrame({"doc_id": ["evil", "plain"], "net_index": [0.0, 0.0]})
    return render_viewer(documents, sentences, removed, run=RUN, document_scores=scores)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("browser")
    page = tmp / "index.html"
    page.write_text(_hostile_page(), encoding="utf-8")
    return tmp, page


def test_page_loads_without_console_messages_and_injected_markup_stays_text(hostile):
    tmp, page = hostile
    proc = _chromium(tmp, page.as_uri(), "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert _console(proc) == []
    assert "data-pwned" not in dom.split("<body", 1)[0]  # the marker would be set on <html>
    assert "<script" not in dom and "<img" not in dom
    assert (
        dom.count("&lt;script&gt;window.__pwned=1") == 4
    )  # title (nav and heading), sentence, speaker
    assert "&lt;img src=x onerror=" in dom


def test_screenshot_is_written(hostile):
    tmp, page = hostile
    shot = tmp / "viewer.png"
    proc = _chromium(
        tmp, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,2000", "--hide-scrollbars"
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (
        shot.stat().st_size > 10_000
    )  # a blank page is a few KB; the rendered viewer is far larger
    assert _console(proc) == []


@pytest.mark.parametrize(
    ("html", "expect_marker", "expect_console"),
    [
        (f"<!DOCTYPE html><html><body>{SCRIPT}</body></html>", "script", False),
        (f"<!DOCTYPE html><html><body>{IMG}</body></html>", "img", False),
        (
            "<!DOCTYPE html><html><body><script>undefinedFunction()</script></body></html>",
            None,
            True,
        ),
    ],
)
def test_harness_detects_script_execution_and_console_errors(
    tmp_path, html, expect_marker, expect_console
):
    # The checks above can fail: unescaped markup does run here, and errors are seen.
    page = tmp_path / "control.html"
    page.write_text(html, encoding="utf-8")
    proc = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    head = proc.stdout.split("<body", 1)[0]
    assert (f'data-pwned="{expect_marker}"' in head) if expect_marker else "data-pwned" not in head
    assert bool(_console(proc)) is expect_console


def test_committed_viewer_loads_cleanly(tmp_path):
    page = Path(__file__).resolve().parents[1] / "results" / "viewer" / "index.html"
    if not page.is_file():
        pytest.skip(
            "results/viewer/index.html is absent: run snakemake to build the committed results"
        )
    proc = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _console(proc) == []
    assert proc.stdout.count("<article") >= 1 and "<script" not in proc.stdout
