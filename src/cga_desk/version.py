"""The one version of CGA Desk, defined once in pyproject.toml and read from the package metadata.

The frozen bundle carries the metadata too (installer/cga-desk.spec: copy_metadata). A source tree that
was never installed falls back to reading pyproject.toml beside it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _from_source_tree() -> str:
    try:
        import tomllib

        with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as stream:
            project = tomllib.load(stream)["project"]
        return str(project["version"]) if project.get("name") == "cga-desk" else "0+unknown"
    except (OSError, KeyError, ValueError):
        return "0+unknown"


try:
    __version__ = version("cga-desk")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = _from_source_tree()
