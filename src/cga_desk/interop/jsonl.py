"""Reading JSON and JSON Lines documents with errors that name the line (no traceback for bad input)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from ..domain.errors import ValidationError


def read_jsonl(stream: TextIO) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed value or ValidationError) for every non-blank line, 1-based."""
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            yield number, json.loads(text)
        except json.JSONDecodeError as exc:
            yield number, ValidationError("json", f"not valid JSON ({exc.msg} at column {exc.colno})", number)


def parse_json(text: str, what: str = "document") -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(what, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
