"""Tests for culturelens.clean_state: line fingerprints."""

from __future__ import annotations

import pytest

from culturelens.clean_state import line_fingerprint


@pytest.mark.parametrize(
    ("text", "key"),
    [("Share this:", "share this"), ("SHARE  THIS", "share this"), ("— 48 —", "48"), ("", "")],
)
def test_line_fingerprint(text: str, key: str) -> None:
    assert line_fingerprint(text) == key
