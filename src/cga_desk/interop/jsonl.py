"""Reading JSON and JSON Lines documents with errors that name the line (no traceback for bad input).

Hostile input is refused by name before Python's json module can fail on it (issue 14): a line longer
than 1 MB is refused without being read whole, nesting deeper than 64 levels is refused before parsing
(the decoder recurses), and a number of more than 100 characters becomes a `HugeNumber` that every
validator refuses by field name (Python converts at most 4,300 digits to an int and raises otherwise).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..domain.errors import ValidationError
from ..domain.limits import JSON_MAX_DEPTH, JSON_MAX_LINE_BYTES, JSON_MAX_NUMBER_CHARS

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class HugeNumber:
    """A JSON number too long to be a sane value: kept as its length, refused by whoever validates it."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a number of {self.digits} characters"


def _parse_int(text: str) -> int | HugeNumber:
    return HugeNumber(len(text)) if len(text) > JSON_MAX_NUMBER_CHARS else int(text)


def _parse_float(text: str) -> float | HugeNumber:
    return HugeNumber(len(text)) if len(text) > JSON_MAX_NUMBER_CHARS else float(text)


def _parse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings do not count)."""
    if text.count("[") + text.count("{") <= JSON_MAX_DEPTH:  # the usual case: no scan needed
        return text.count("[") + text.count("{")
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def decode(text: str) -> Any:
    """json.loads within the limits; raises ValidationError (limits) or json.JSONDecodeError (syntax)."""
    if nesting_depth(text) > JSON_MAX_DEPTH:
        raise ValidationError("json", f"nested more than {JSON_MAX_DEPTH} levels deep")
    try:
        return json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:  # NaN/Infinity; anything else the decoder refuses
        raise ValidationError("json", f"not valid JSON ({exc})") from None


def _lines(stream: Iterable[str]) -> Iterator[str | None]:
    """The lines of a stream; None for a line over the size limit (read and dropped in pieces)."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # an iterable of lines already in memory
        for text in stream:
            yield None if len(text) > JSON_MAX_LINE_BYTES or _too_big(text) else text
        return
    while True:
        text = readline(JSON_MAX_LINE_BYTES + 1)
        if not text:
            return
        if len(text) > JSON_MAX_LINE_BYTES and not text.endswith("\n"):
            while text and not text.endswith("\n"):
                text = readline(JSON_MAX_LINE_BYTES)
            yield None
        else:
            yield None if _too_big(text) else text


def _too_big(text: str) -> bool:
    return len(text.rstrip("\r\n").encode("utf-8", "surrogatepass")) > JSON_MAX_LINE_BYTES


def read_jsonl(stream: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed value or ValidationError) for every non-blank line, 1-based."""
    for number, text in enumerate(_lines(stream), start=1):
        if text is None:
            yield number, ValidationError("json", f"the line is longer than {JSON_MAX_LINE_BYTES:,} bytes", number)
            continue
        if not text.strip():
            continue
        try:
            yield number, decode(text)
        except json.JSONDecodeError as exc:
            yield number, ValidationError("json", f"not valid JSON ({exc.msg} at column {exc.colno})", number)
        except ValidationError as exc:
            yield number, exc.at_line(number)


def parse_json(text: str, what: str = "document") -> Any:
    if len(text) > JSON_MAX_LINE_BYTES and _too_big(text):
        raise ValidationError(what, f"longer than {JSON_MAX_LINE_BYTES:,} bytes")
    try:
        return decode(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(what, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except ValidationError as exc:
        raise ValidationError(what, exc.message) from None
