"""`cga-desk score FILE`: assessment documents in, result documents out (docs/clinical-rules.md section 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from ..domain.errors import ValidationError
from ..domain.limits import one_line
from ..forms.document import score_document
from ..interop.jsonl import decode, parse_json, read_jsonl

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def _score_lines(stream: TextIO, out: TextIO, err: TextIO) -> int:
    """One result line per input line, in order; a refused line prints {"line": N, "error": ...}."""
    status = EXIT_OK
    for number, value in read_jsonl(stream):
        try:
            if isinstance(value, ValidationError):
                raise value
            result: dict[str, Any] = score_document(value)
        except ValidationError as exc:
            status = EXIT_REFUSED
            message = one_line(str(exc.at_line(number)))
            print(f"cga-desk score: refused {message}", file=err)
            result = {"line": number, "error": message}
        print(json.dumps(result, ensure_ascii=False), file=out)
    return status


def _score_one(text: str, out: TextIO, err: TextIO) -> int:
    try:
        result = score_document(parse_json(text))
    except ValidationError as exc:
        print(f"cga-desk score: refused: {one_line(str(exc))}", file=err)
        return EXIT_REFUSED
    print(json.dumps(result, ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


def _looks_like_lines(text: str) -> bool:
    """Standard input holds one document, or JSON Lines when it is more than one JSON value."""
    try:
        decode(text)
        return False
    except ValidationError:  # over a limit: refused as one document
        return False
    except json.JSONDecodeError as exc:
        return exc.msg == "Extra data"


def run_score(file: str, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    if file == "-":
        try:
            text = stdin.read()
        except UnicodeDecodeError as exc:
            print(f"cga-desk score: cannot read standard input: {exc.reason} (expected UTF-8)", file=err)
            return EXIT_ENVIRONMENT
        if _looks_like_lines(text):
            return _score_lines(iter(text.splitlines(keepends=True)), out, err)  # type: ignore[arg-type]
        return _score_one(text, out, err)
    path = Path(file)
    if path.suffix.lower() not in (".json", ".jsonl"):
        print(f"cga-desk score: {file}: expected a .json or .jsonl file, or - for standard input", file=err)
        return EXIT_REFUSED
    try:
        with path.open(encoding="utf-8") as stream:
            if path.suffix.lower() == ".jsonl":
                return _score_lines(stream, out, err)
            return _score_one(stream.read(), out, err)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"cga-desk score: cannot read {file}: {reason}", file=err)
        return EXIT_ENVIRONMENT
