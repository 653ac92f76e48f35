"""Tests for culturelens.blas: the kernels every job of the workflow inherits."""

from __future__ import annotations

import pytest

from culturelens.blas import KERNELS, pin_blas_kernels


@pytest.mark.parametrize(
    ("machine", "before", "after"),
    [
        ("x86_64", {}, {"OPENBLAS_CORETYPE": KERNELS}),
        ("AMD64", {}, {"OPENBLAS_CORETYPE": KERNELS}),  # Windows spells it so
        ("x86_64", {"OPENBLAS_CORETYPE": "SkylakeX"}, {"OPENBLAS_CORETYPE": KERNELS}),
        ("aarch64", {}, {}),  # other kernels altogether: left to OpenBLAS
        ("arm64", {"PATH": "/bin"}, {"PATH": "/bin"}),
    ],
)
def test_pin_blas_kernels(machine: str, before: dict, after: dict) -> None:
    environ = dict(before)
    pin_blas_kernels(environ, machine=machine)
    assert environ == after


def test_kernels_are_the_avx2_ones() -> None:
    assert KERNELS == "Haswell"  # the committed results/ were made with these
