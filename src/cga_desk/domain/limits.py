"""Limits on input text and numbers, the same on SQLite and PostgreSQL (issue 14: hostile input).

SQLite stores a text of any length, PostgreSQL refuses one longer than its VARCHAR column with an
error: checking the column sizes of persistence/tables.py here refuses the same input by field name on
both databases, before anything is written. NUL characters (PostgreSQL cannot store them) and lone
surrogates (they cannot be encoded as UTF-8) are refused everywhere.
"""

from __future__ import annotations

from typing import Any

from .errors import ValidationError

# Column sizes in persistence/tables.py (a test checks that they agree).
STUDY_ID_MAX = 64
NAME_MAX = 200
MRN_MAX = 40  # a hospital medical record number
TIMEPOINT_MAX = 80
ASSESSOR_MAX = 120

# JSON documents and JSON Lines (interop/jsonl.py).
JSON_MAX_DEPTH = 64
JSON_MAX_LINE_BYTES = 1_000_000
# A JSON number longer than this is refused by name before Python converts it (Python's own limit on
# converting long digit strings, 4,300 digits, would otherwise surface as a ValueError).
JSON_MAX_NUMBER_CHARS = 100


def _bad_character(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (not a character)"
    return None


def check_text(value: Any, field: str, max_length: int, required: bool = False) -> str | None:
    """A stripped, non-empty text of at most `max_length` characters (None when absent and optional)."""
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"expected a text, got {type_name(value)}")
    bad = _bad_character(value)
    if bad:
        raise ValidationError(field, bad)
    text = value.strip()
    if not text:
        if required:
            raise ValidationError(field, "expected a non-empty text")
        return None
    # Casefolding may lengthen a text ("ß" -> "ss"); the patient register stores the casefolded name.
    if len(text) > max_length:
        raise ValidationError(field, f"is {len(text)} characters long; at most {max_length} are allowed")
    if len(text.casefold()) > max_length:
        raise ValidationError(field, f"is {len(text.casefold())} characters long in lower case; at most {max_length}")
    return text


def type_name(value: Any) -> str:
    """What a JSON value is, in words (never the value itself: it may be huge or unprintable)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def one_line(text: str) -> str:
    """A message as one printable line: control characters and line separators that came from the
    input (a field name with a line break in it) are shown escaped, so a refusal is always one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)
