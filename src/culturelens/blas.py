"""One set of BLAS kernels for every run, so that fits give the same bytes on any machine.

OpenBLAS picks its kernels by CPU when it loads. liblinear's solver (through SciPy's BLAS)
stops at its tolerance at a point that moves with them: one fold's intercept in
``validate_cleaning`` is -0.172565 with the AVX2 ("Haswell") kernels and -0.172547 with the
AVX-512 ("SkylakeX") ones, and after rounding a few labelled lines change sides of the
threshold. The workflow pins the kernels for every job it starts.
"""

from __future__ import annotations

from collections.abc import MutableMapping

__all__ = ["KERNELS", "pin_blas_kernels"]

# AVX2 kernels: every x86-64 server CPU of the last decade runs them, and the committed
# results/ were made with them.
KERNELS = "Haswell"
_X86_64 = frozenset({"x86_64", "amd64"})


def pin_blas_kernels(environ: MutableMapping[str, str], *, machine: str) -> None:
    """Set ``OPENBLAS_CORETYPE`` in ``environ`` (the environment processes started later
    inherit) when ``machine`` (``platform.machine()``) is x86-64; other CPUs have other
    kernels, and their results may differ from the committed ones in the last digits.

    It must be set before OpenBLAS loads (with numpy), so in the environment of a new
    process: the workflow calls it on ``os.environ`` before it starts any job.
    """
    if machine.lower() in _X86_64:
        environ["OPENBLAS_CORETYPE"] = KERNELS
