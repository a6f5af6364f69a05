"""Shared fixtures: where ../shared lives, and Qt off-screen for every test (set before Qt loads)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CGA_SHARED_DIR", ROOT.parent / "shared"))
VECTORS = SHARED / "vectors"


def load_jsonl(name: str) -> list[dict]:
    path = VECTORS / name
    if not path.exists():  # the vectors are the contract: their absence is a failure, never a skip
        raise FileNotFoundError(f"shared vectors not found at {path}; set CGA_SHARED_DIR")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    return VECTORS


pytest_plugins = ["tests.store_fixtures"]
