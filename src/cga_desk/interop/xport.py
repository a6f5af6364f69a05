"""SAS transport files, version 5 (the FDA's XPT, SAS TS-140), written row by row.

pyreadstat writes XPT from a whole DataFrame; an ADaM dataset of a clinic's million visits does not fit in
memory, so the file is streamed here: the headers (library, member, one 140-byte NAMESTR per variable),
then the observations, fixed-width, numbers as IBM 370 double precision and text blank-padded, the whole
padded to 80-byte records. The tests read every file back with pyreadstat.
"""

from __future__ import annotations

import functools
import math
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, BinaryIO

SAS_EPOCH = _SAS_EPOCH = date(1960, 1, 1)
_MISSING = b"\x2e" + b"\x00" * 7  # "." : a missing number


@dataclass(frozen=True)
class XptVariable:
    name: str  # at most 8 characters
    label: str  # at most 40
    numeric: bool
    length: int  # bytes: 8 for a number, 1-200 for text
    format: str = ""  # e.g. DATE (with width 9) for a date
    format_width: int = 0


@functools.lru_cache(maxsize=1 << 16)  # the same few scores, days and dates again and again
def ibm_double(value: float) -> bytes:
    """IEEE double -> IBM 370 hexadecimal floating point, 8 bytes (as SAS transport files store numbers)."""
    if value == 0:
        return b"\x00" * 8
    sign = 0x80 if value < 0 else 0
    mantissa, exponent = math.frexp(abs(value))  # value = mantissa * 2**exponent, 0.5 <= mantissa < 1
    e16 = -((-exponent) // 4)  # ceil(exponent / 4): the base-16 exponent
    fraction = round(mantissa / (1 << (4 * e16 - exponent)) * (1 << 56))
    if fraction >= 1 << 56:
        fraction >>= 4
        e16 += 1
    if not 0 <= e16 + 64 <= 127:
        raise ValueError(f"{value} is out of the range of a SAS transport number")
    return bytes([sign | (e16 + 64)]) + fraction.to_bytes(7, "big")


def ibm_table(values: Sequence[float]) -> Any:
    """ibm_double of each value, then a missing number, as a numpy array of 8-byte strings: the encodings
    of a column's distinct values, taken by their codes (-1, the last, for a missing number)."""
    import numpy as np

    return np.array([ibm_double(float(v)) for v in values] + [_MISSING], dtype="S8")


def _text(value: str, width: int) -> bytes:
    data = value.encode("utf-8")
    if len(data) > width:
        raise ValueError(f"{value[:40]!r}… is longer than {width} bytes")
    return data.ljust(width, b" ")


def _ascii(value: str, width: int) -> bytes:
    return value.encode("ascii", "replace")[:width].ljust(width, b" ")


def _stamp(at: datetime) -> bytes:
    return at.strftime("%d%b%y:%H:%M:%S").upper().encode("ascii")


def _header(kind: str, tail: str = "0" * 30) -> bytes:
    return f"HEADER RECORD*******{kind:<8}HEADER RECORD!!!!!!!{tail}  ".encode("ascii")


def _namestr(position: int, var: XptVariable, offset: int) -> bytes:
    return struct.pack(
        ">hhhh8s40s8shhh2s8shhi52s",
        1 if var.numeric else 2,
        0,
        var.length,
        position,
        _ascii(var.name, 8),
        _ascii(var.label, 40),
        _ascii(var.format, 8),
        var.format_width,
        0,
        0,
        b"  ",
        b" " * 8,
        0,
        0,
        offset,
        b"\x00" * 52,
    )


class XptWriter:
    """One dataset in one transport file: `write_row` per observation, then `close`."""

    def __init__(self, stream: BinaryIO, name: str, label: str, variables: Sequence[XptVariable]) -> None:
        for var in variables:
            if len(var.name) > 8 or len(var.label) > 40 or not 1 <= var.length <= 200:
                raise ValueError(
                    f"{var.name}: SAS transport limits are 8-character names, 40-character labels, 200 bytes"
                )
        self.stream, self.variables = stream, tuple(variables)
        self.row_bytes = 0
        now = _stamp(datetime.now())
        blanks = b" " * 24
        head = [
            _header("LIBRARY"),
            b"SAS     SAS     SASLIB  9.4     " + _ascii("Linux", 8) + blanks + now,
            now + b" " * 64,
            _header("MEMBER", "000000000000000001600000000140"),
            _header("DSCRPTR"),
            b"SAS     " + _ascii(name, 8) + b"SASDATA 9.4     " + _ascii("Linux", 8) + blanks + now,
            now + b" " * 16 + _ascii(label, 40) + b" " * 8,
            _header("NAMESTR", f"000000{len(self.variables):04d}" + "0" * 20),
        ]
        stream.write(b"".join(head))
        names = b""
        for i, var in enumerate(self.variables, start=1):
            names += _namestr(i, var, self.row_bytes)
            self.row_bytes += var.length
        stream.write(names + b" " * (-len(names) % 80))
        stream.write(_header("OBS"))
        self.written = 0
        self._encoders = [self._encoder(var) for var in self.variables]

    def _encoder(self, var: XptVariable) -> Callable[[Any], bytes]:
        """A column's cell -> bytes, each distinct value encoded once (scores, IDs and codes repeat)."""
        memo: dict[Any, bytes] = {}

        def number(value: Any) -> bytes:
            if value is None or value == "":
                return _MISSING
            return ibm_double(float((value - _SAS_EPOCH).days) if isinstance(value, date) else float(value))

        def text(value: Any) -> bytes:
            return _text("" if value is None else str(value), var.length)

        encode = number if var.numeric else text

        def cached(value: Any) -> bytes:
            got = memo.get(value)
            if got is None:
                if len(memo) > 50_000:
                    memo.clear()
                got = memo[value] = encode(value)
            return got

        return cached

    def write_row(self, values: Iterable[Any]) -> None:
        row = b"".join([encode(value) for encode, value in zip(self._encoders, values, strict=True)])
        self.stream.write(row)
        self.written += len(row)

    def write_encoded(self, rows: bytes | memoryview) -> None:
        """Observations already encoded (each variable's bytes, in order, row after row)."""
        if self.row_bytes and len(rows) % self.row_bytes:
            raise ValueError(f"{len(rows)} bytes are not whole observations of {self.row_bytes} bytes")
        self.stream.write(rows)
        self.written += len(rows)

    def close(self) -> None:
        self.stream.write(b" " * (-self.written % 80))
