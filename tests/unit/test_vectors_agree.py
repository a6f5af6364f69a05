"""The project's copy of the reference vectors (tests/data) equals ../shared/vectors, when that stands beside
the checkout (as on CI); a user's clone has no ../shared, and then this one test skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, VECTORS

SHARED_VECTORS = ROOT.parent / "shared" / "vectors"


def _shared_files() -> list[Path]:
    return sorted(SHARED_VECTORS.glob("*.jsonl")) if SHARED_VECTORS.is_dir() else []


@pytest.mark.skipif(
    not SHARED_VECTORS.is_dir(),
    reason=f"no ../shared/vectors beside the checkout ({SHARED_VECTORS}): nothing to compare",
)
def test_every_shared_vector_file_equals_the_projects_copy() -> None:
    shared = _shared_files()
    assert shared, f"{SHARED_VECTORS} holds no .jsonl file"
    missing = [p.name for p in shared if not (VECTORS / p.name).exists()]
    assert not missing, f"copy these into tests/data: {missing}"
    differ = [p.name for p in shared if p.read_bytes() != (VECTORS / p.name).read_bytes()]
    assert not differ, f"tests/data differs from {SHARED_VECTORS} in {differ}: copy the shared files again"
