"""ADaM-style analysis datasets (`--format adam` writes a folder): ADSL, one row per patient, and ADQS
in the Basic Data Structure, one row per patient x visit x parameter x baseline type; each as CSV and
as SAS transport (XPT version 5, streamed by interop/xport.py), with define.csv, the variables' metadata.

Parameters come from the registry: every instrument's total (KATZADL, LAWTIADL, CCI, ECOG, G8TOT; a new
instrument gets its total code upper-cased, at most 8 characters), its dependency count (ADLDEP,
IADLDEP), the IMWG score (IMWGSC) and the simplified frailty score (SFSC), and one parameter per item
of every instrument with item columns (KATZ01.., LAWT01.., CHAR01.., G801..: the instrument's code, at
most 4 characters, and the item's place). BASETYPE "FIRST" compares each visit with the patient's
first baseline, "LATEST" with the baseline in force at that visit (re-baselining,
docs/clinical-rules.md section 8): every record appears once per baseline type, as ADaM's BDS asks.
XPT version 5 limits: names of 8 characters, labels of 40, text of 200 bytes (checked here).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..domain.records import INDEX_DISEASES
from ..forms import registry
from ..forms.dataset_columns import RENAMED_FROM_STORED
from ..forms.instrument import Instrument
from .export import quoted_cell
from .model import AGE_CAP, VisitColumns
from .writing import Background, read_ahead
from .xport import SAS_EPOCH as _SAS_EPOCH
from .xport import XptVariable, XptWriter, ibm_table

STUDYID = "CGADESK"
XPT_NAME_MAX, XPT_LABEL_MAX, XPT_TEXT_MAX = 8, 40, 200
# Total codes of the trial's analysis plan; an instrument not named here gets its total key, upper-cased.
_TOTAL_CODES = {"katz_adl": "KATZADL", "lawton_iadl": "LAWTIADL", "cci": "CCI", "ecog": "ECOG", "g8_total": "G8TOT"}
_DEPENDENCY_CODES = {"adl_dependency": "ADLDEP", "iadl_dependency": "IADLDEP"}
_SEX = {"female": "F", "male": "M", "other": "O", "unknown": "U"}
_MILESTONE_VARS = {
    "induction_start": ("INDSTDT", "Induction start date"),
    "car_t_infusion": ("CARTDT", "CAR-T infusion date"),
    "consolidation_start": ("CONSTDT", "Consolidation start date"),
    "maintenance_start": ("MAINTSDT", "Maintenance start date"),
    "other": ("OTHMSDT", "Other milestone date (latest)"),
}


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    kind: str  # text | number | date
    length: int = 8
    codelist: str = ""


@dataclass(frozen=True)
class Parameter:
    """One ADQS parameter and where its values come from in interop/model.VisitColumns: AVAL from
    `aval(visits)`, a float array (NaN missing), AVALC from `avalc(visits, aval)`, an object array."""

    code: str
    name: str
    category: str
    instrument: Instrument | None
    aval: Callable[[dict[str, Any]], Any]
    avalc: Callable[[dict[str, Any], Any], Any]


def _no_text(visits: dict[str, Any], aval: Any) -> Any:
    import numpy as np

    return np.full(len(aval), "", dtype=object)


def _column(name: str) -> Callable[[dict[str, Any]], Any]:
    def aval(visits: dict[str, Any]) -> Any:
        return visits[name].astype(float)

    return aval


def _text_column(name: str) -> Callable[[dict[str, Any], Any], Any]:
    def avalc(visits: dict[str, Any], aval: Any) -> Any:
        return _text(visits[name])

    return avalc


def _by_value(words: Callable[[float], str]) -> Callable[[dict[str, Any], Any], Any]:
    """AVALC as a function of AVAL, worked out once per distinct value ("" where AVAL is missing)."""

    def avalc(visits: dict[str, Any], aval: Any) -> Any:
        import numpy as np

        values, inverse = np.unique(aval, return_inverse=True)  # NaN sorts last, once
        shown = np.array([("" if v != v else words(float(v))) for v in values.tolist()], dtype=object)
        return shown[inverse.reshape(-1)]

    return avalc


def _whole(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _verdict(inst: Instrument) -> Callable[[dict[str, Any], Any], Any]:
    """A total's AVALC: what the instrument says the total means (G8's cut-off; most say nothing),
    without its explanation in brackets."""
    return _by_value(lambda total: inst.verdict({inst.total_key: _whole(total)}).split(" (")[0])


def _dependency(inst: Instrument) -> Callable[[dict[str, Any]], Any]:
    def aval(visits: dict[str, Any]) -> Any:  # docs/clinical-rules.md 1: derived from the total, never stored
        return inst.spec.max_total - visits[inst.total_key].astype(float)

    return aval


def _option(inst: Instrument, code: str) -> Callable[[dict[str, Any], Any], Any]:
    """An item's AVALC: the code of the option its value (the instrument's item_value) stands for; where
    two options had the same value, the first, as Instrument.to_option finds it."""
    item = inst.spec.item(code)
    codes = {
        float(_points(inst.item_value(code, inst.to_answer(item, o.code)))): o.code for o in reversed(item.options)
    }
    return _by_value(lambda value: codes.get(value, ""))


def _points(value: Any) -> float:
    return float("nan") if value is None else float(value)


def parameters() -> tuple[Parameter, ...]:
    """Every ADQS parameter, generated from the registry (read on every call)."""
    out: list[Parameter] = []
    for inst in registry.INSTRUMENTS:
        code = _TOTAL_CODES.get(inst.total_key, inst.total_key.upper().replace("_", "")[:8])
        out.append(Parameter(code, f"{inst.short_title} total", "Total", inst, _column(inst.total_key), _verdict(inst)))
        if inst.dependency_key:
            dep = _DEPENDENCY_CODES.get(inst.dependency_key, inst.dependency_key.upper().replace("_", "")[:8])
            out.append(
                Parameter(dep, f"{inst.short_title} dependency count", "Total", inst, _dependency(inst), _no_text)
            )
    out.append(
        Parameter("IMWGSC", "IMWG frailty score", "Frailty", None, _column("imwg_score"), _text_column("imwg_category"))
    )
    out.append(
        Parameter(
            "SFSC",
            "Simplified frailty score",
            "Frailty",
            None,
            _column(RENAMED_FROM_STORED.get("simplified_frailty_score", "simplified_frailty_score")),
            _text_column(RENAMED_FROM_STORED.get("simplified_frailty_category", "simplified_frailty_category")),
        )
    )
    for inst in registry.INSTRUMENTS:
        if not inst.item_columns:
            continue
        prefix = inst.code.upper()[:4]
        for n, item in enumerate(inst.spec.items, start=1):
            out.append(
                Parameter(
                    f"{prefix}{n:02d}",
                    f"{inst.short_title}: {item.label}"[:XPT_TEXT_MAX],
                    inst.short_title,
                    inst,
                    _column(f"{inst.code}_{item.code}"),  # its dataset column (services/codebook.item_column)
                    _option(inst, item.code),
                )
            )
    codes = [p.code for p in out]
    assert len(set(codes)) == len(codes) and all(len(c) <= XPT_NAME_MAX for c in codes), codes
    return tuple(out)


ADSL_VARIABLES = (
    Variable("STUDYID", "Study Identifier", "text", 8),
    Variable("USUBJID", "Unique Subject Identifier", "text", 64),
    Variable("SEX", "Sex", "text", 1, "SEX"),
    Variable("INDDIS", "Index disease", "text", 40, "INDDIS"),
    Variable("DIAGDT", "Diagnosis date", "date"),
    *(Variable(name, label, "date") for name, label in _MILESTONE_VARS.values()),
    Variable("BASE1DT", "First baseline date", "date"),
    Variable("AGE", "Age at first baseline (90 = 90+)", "number"),
    Variable("AGEC", "Age at first baseline as written", "text", 3),
    Variable("NVISITS", "Number of visits", "number"),
)

ADQS_VARIABLES = (
    Variable("STUDYID", "Study Identifier", "text", 8),
    Variable("USUBJID", "Unique Subject Identifier", "text", 64),
    Variable("PARAMCD", "Parameter Code", "text", 8, "PARAMCD"),
    Variable("PARAM", "Parameter", "text", XPT_TEXT_MAX),
    Variable("PARCAT1", "Parameter Category 1", "text", 40),
    Variable("AVAL", "Analysis Value", "number"),
    Variable("AVALC", "Analysis Value (C)", "text", 40),
    Variable("BASE", "Baseline Value", "number"),
    Variable("CHG", "Change from Baseline", "number"),
    Variable("ABLFL", "Baseline Record Flag", "text", 1, "Y"),
    Variable("BASETYPE", "Baseline Type", "text", 8, "BASETYPE"),
    Variable("AVISIT", "Analysis Visit", "text", 80),
    Variable("AVISITN", "Analysis Visit (N)", "number"),
    Variable("ADT", "Analysis Date", "date"),
    Variable("ADY", "Analysis Relative Day", "number"),
    Variable("VISITST", "Visit status", "text", 8, "VISITST"),
    Variable("AGE", "Age at visit (90 = 90+)", "number"),
    Variable("FORMVER", "Form version", "text", 40),
    Variable("SCORVER", "Scoring version", "text", 40),
)

CODELISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "SEX": tuple((v, k) for k, v in _SEX.items()),
    "INDDIS": tuple(INDEX_DISEASES.items()),
    "BASETYPE": (("FIRST", "the patient's first baseline"), ("LATEST", "the baseline in force at the visit")),
    "VISITST": (("draft", "being entered"), ("complete", "all instruments answered"), ("signed", "signed")),
    "Y": (("Y", "yes"),),
}


def _check_variables() -> None:
    for var in (*ADSL_VARIABLES, *ADQS_VARIABLES):
        assert len(var.name) <= XPT_NAME_MAX and len(var.label) <= XPT_LABEL_MAX, var


def define_rows() -> list[dict[str, Any]]:
    """define.csv: dataset, variable, label, type, length, codelist; then the codelists and parameters."""
    rows = [
        {
            "dataset": ds,
            "variable": v.name,
            "label": v.label,
            "type": v.kind,
            "length": v.length,
            "codelist": v.codelist,
        }
        for ds, variables in (("ADSL", ADSL_VARIABLES), ("ADQS", ADQS_VARIABLES))
        for v in variables
    ]
    rows += [
        {"dataset": "CODELIST", "variable": name, "label": label, "type": "text", "length": len(code), "codelist": code}
        for name, items in CODELISTS.items()
        for code, label in items
    ]
    rows += [
        {
            "dataset": "CODELIST",
            "variable": "PARAMCD",
            "label": p.name,
            "type": "text",
            "length": len(p.code),
            "codelist": p.code,
        }
        for p in parameters()
    ]
    return rows


_LINE_END = "\r\n"  # csv.writer's, as the files have always been written
CHUNK_VISITS = 1000  # ADQS is built and written this many visits at a time (about 110,000 rows)


def _sas_days(dates: Any) -> Any:
    """datetime64[D] -> days since SAS's epoch (1960-01-01) as float, NaN for NaT: how chunk columns hold dates."""
    import numpy as np

    missing = np.isnat(dates)
    days = (dates - np.datetime64(_SAS_EPOCH, "D")).astype(np.int64).astype(float)
    return np.where(missing, np.nan, days)


def _text(column: Any) -> Any:
    """An object column with None (a NULL) as ""."""
    import numpy as np

    return np.where(np.equal(column, None), "", column)  # type: ignore[call-overload]


class _AdqsBuilder:
    """ADQS of a chunk of patients (interop/model.VisitColumns) as columns (numpy arrays), the rows in the
    order of the BDS loop: patient, visit, parameter, then FIRST and LATEST; a visit-parameter with
    neither AVAL nor AVALC has no row."""

    def __init__(self, params: tuple[Parameter, ...]) -> None:
        import numpy as np

        self.params = params
        instruments = list(dict.fromkeys(p.instrument.code for p in params if p.instrument is not None))
        self.instruments = instruments
        # each parameter's column in the per-visit versions (the last one: no instrument, empty version)
        self.param_inst = np.array(
            [instruments.index(p.instrument.code) if p.instrument else len(instruments) for p in params]
        )

    def with_values(self, read: VisitColumns) -> tuple[VisitColumns, list[str]]:
        """A chunk as read with every parameter's AVAL ("adqs:aval", visits x parameters, float) and AVALC
        ("adqs:avalc", codes into the words returned) added to its visits: worked out once per chunk read,
        before it is cut into the chunks that are built and written (build)."""
        import numpy as np
        import pandas as pd

        visits, P, n = read.visits, len(self.params), len(read)
        aval = np.empty((n, P))
        avalc: list[Any] = []
        for j, p in enumerate(self.params):
            aval[:, j] = p.aval(visits)
            avalc.append(p.avalc(visits, aval[:, j]))
        text = np.stack(avalc, axis=1) if avalc and n else np.empty((n, P), dtype=object)
        codes, words = pd.factorize(text.ravel())
        extra = {"adqs:aval": aval, "adqs:avalc": codes.reshape(n, P)}
        return VisitColumns(read.patients, {**visits, **extra}, read.deidentified), words.tolist()

    def build(self, chunk: VisitColumns, words: list[str]) -> dict[str, Any]:
        """ADQS of a chunk cut from one that went through with_values (`words`: its AVALC codes' words)."""
        import numpy as np

        visits, patients = chunk.visits, chunk.patients
        P, n = len(self.params), len(chunk)
        aval, text = visits["adqs:aval"], visits["adqs:avalc"]
        empty = words.index("") if "" in words else -2  # -2: no code
        keep = ~(np.isnan(aval) & (text == empty))
        vi, pj = np.nonzero(keep)  # row-major: visit by visit, parameters in order
        vi, pj = np.repeat(vi, 2), np.repeat(pj, 2)
        is_first = np.tile(np.array([True, False]), len(vi) // 2)
        base_i = np.where(is_first, visits["first_baseline"][vi], visits["baseline"][vi])
        has_base = base_i >= 0
        value = aval[vi, pj]
        base_value = np.where(has_base, aval[np.where(has_base, base_i, 0), pj], np.nan)
        person = visits["person"]
        day = _sas_days(visits["visit_date"])
        first_day = _sas_days(patients["first_baseline_date"])[person]
        delta = day - first_day
        ady = np.where(delta >= 0, delta + 1, delta)  # CDISC: no day 0; NaN without a first baseline
        versions = (
            np.stack(
                [_text(visits[f"{code}_form_version"]) for code in self.instruments] + [np.full(n, "", dtype=object)],
                axis=1,
            )
            if n
            else np.empty((0, len(self.instruments) + 1), dtype=object)
        )
        scoring = _coded(_text(visits["scoring_version"]))
        scoring = _Coded(scoring.codes, [s.split(" (")[0] for s in scoring.uniques])
        param = np.arange(P)
        return {
            "STUDYID": _Coded(np.zeros(len(vi), dtype=np.int64), [STUDYID]),
            "USUBJID": _coded(patients["study_id"]).take(person[vi]),
            "PARAMCD": _Coded(param, [p.code for p in self.params]).take(pj),
            "PARAM": _Coded(param, [p.name for p in self.params]).take(pj),
            "PARCAT1": _Coded(param, [p.category for p in self.params]).take(pj),
            "AVAL": value,
            "AVALC": _Coded(text[vi, pj], words),
            "BASE": base_value,
            "CHG": value - base_value,
            "ABLFL": _Coded(np.where(base_i == vi, 0, 1), ["Y", ""]),
            "BASETYPE": _Coded(np.where(is_first, 0, 1), ["FIRST", "LATEST"]),
            "AVISIT": _coded(visits["timepoint"]).take(vi),
            "AVISITN": _coded(visits["visit_number"].astype(float)).take(vi),
            "ADT": _coded(day).take(vi),
            "ADY": _coded(ady).take(vi),
            "VISITST": _coded(visits["status"]).take(vi),
            "AGE": _coded(visits["age_years"].astype(float)).take(vi),
            "FORMVER": _coded(versions.ravel()).take(vi * (len(self.instruments) + 1) + self.param_inst[pj]),
            "SCORVER": scoring.take(vi),
        }


def _adsl_columns(chunk: VisitColumns) -> dict[str, Any]:
    """ADSL of a chunk of patients: one row each, with or without visits."""
    import numpy as np

    p = chunk.patients
    n = chunk.patient_count
    none = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    age = p["first_baseline_age"].astype(float)
    shown = [
        "" if a != a else (f"{AGE_CAP}+" if chunk.deidentified and a >= AGE_CAP else str(int(a))) for a in age.tolist()
    ]
    out: dict[str, Any] = {
        "STUDYID": np.full(n, STUDYID, dtype=object),
        "USUBJID": p["study_id"],
        "SEX": np.array([_SEX.get(s or "", "") for s in p["sex"].tolist()], dtype=object),
        "INDDIS": _text(p["index_disease"]),
        "DIAGDT": _sas_days(p["diagnosis_date"]),
        **{name: _sas_days(p.get(f"milestone:{kind}", none)) for kind, (name, _) in _MILESTONE_VARS.items()},
        "BASE1DT": _sas_days(p["first_baseline_date"]),
        "AGE": age,
        "AGEC": np.array(shown, dtype=object),
        "NVISITS": p["visits"].astype(float),
    }
    return out


@dataclass(frozen=True)
class _Coded:
    """A column as codes into its distinct values (-1: missing), as pandas.factorize gives it: each distinct
    value is then formatted and encoded once, and a visit's column is taken row by row by its codes."""

    codes: Any  # int64 array
    uniques: list[Any]

    def take(self, rows: Any) -> _Coded:
        return _Coded(self.codes[rows], self.uniques)


def _coded(values: Any) -> _Coded:
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return _Coded(codes, uniques.tolist())


def _number_text(value: float) -> str:
    """A number as the CSV writes it: a whole one without a decimal point, others as Python writes a float."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _date_text(days: float) -> str:
    return (_SAS_EPOCH + timedelta(days=int(days))).isoformat()


_JOIN_KEYS = 1 << 20  # adjacent columns are joined when their pairs of codes fit a table this size
_PAD = 0xFF  # never a byte of UTF-8: fills a table's rows of text to its width, dropped from the lines
_MATRIX_BYTES = 1 << 20  # rows are put together a block at a time, in the processor's cache


@dataclass(frozen=True)
class _Segment:
    """Adjacent columns of a chunk joined: each row's entry (codes), each entry's code in each of the joined
    columns (members: entries x columns, 0 for an empty cell, i for the column's (i-1)th cell), and its CSV
    text with the separators, as UTF-8 padded with _PAD (cells: entries x bytes)."""

    codes: Any
    members: Any
    cells: Any


class _Scratch:
    """Arrays reused from chunk to chunk by one thread. A fresh array of megabytes costs the first touch of
    each of its pages (a page fault, slow in a virtual machine): putting a chunk's lines together in fresh
    arrays took half as long again."""

    def __init__(self) -> None:
        self.buffers: dict[str, Any] = {}

    def array(self, name: str, shape: tuple[int, ...], dtype: Any) -> Any:
        import numpy as np

        kind = np.dtype(dtype)
        size = int(np.prod(shape)) * kind.itemsize
        buffer = self.buffers.get(name)
        if buffer is None or len(buffer) < size:
            buffer = self.buffers[name] = np.empty(size, dtype=np.uint8)
        return buffer[:size].view(kind).reshape(shape)


def _byte_table(cells: list[bytes]) -> Any:
    import numpy as np

    width = max(map(len, cells), default=0)
    padded = b"".join(cell.ljust(width, bytes([_PAD])) for cell in cells)
    return np.frombuffer(padded, dtype=np.uint8).reshape(len(cells), width)


def _compact(table: Any) -> Any:
    """A table's rows with their bytes moved to the front, the table as wide as its longest row."""
    import numpy as np

    keep = table != np.uint8(_PAD)
    lengths = keep.sum(axis=1)
    out = np.full((len(table), int(lengths.max(initial=0))), _PAD, dtype=np.uint8)
    out[np.arange(out.shape[1]) < lengths[:, None]] = table[keep]
    return out


def _joined(columns: list[tuple[Any, list[str]]], rows: int) -> list[_Segment]:
    """A chunk's CSV columns (codes into the cells, -1 for an empty one; the cells as written), adjacent ones
    joined while the distinct runs of cells stay few (a visit's keys, a parameter's names, the small
    scores): each distinct run is then put together once, and a row is a handful of pieces, not every cell.
    A run's key is its codes in mixed radix, renumbered to the runs used only when it would outgrow _JOIN_KEYS
    and at the segment's end: a column joined costs a few passes over the rows, all numpy."""
    import numpy as np

    tables = []
    for i, (_, cells) in enumerate(columns):
        end = _LINE_END if i == len(columns) - 1 else ","
        tables.append(_byte_table([end.encode(), *(f"{cell}{end}".encode() for cell in cells)]))

    def renumbered(used: Any, key: Any, members: Any, widths: list[int]) -> tuple[Any, Any]:
        """The key as codes into the keys used, and their members (the renumbered ones' then each column's)."""
        keys = np.flatnonzero(used)
        renumber = np.empty(len(used), dtype=np.int64)  # read only where a key is used
        renumber[keys] = np.arange(len(keys))
        digits = []
        for width in reversed(widths):
            keys, digit = np.divmod(keys, width)
            digits.append(digit[:, None])
        return renumber[key], np.hstack([members[keys], *reversed(digits)])

    def alone(i: int) -> tuple[Any, Any]:
        """Column i by itself: its codes past the empty cell (-1 -> 0), its members."""
        return np.add(columns[i][0], 1, dtype=np.int64), np.arange(len(tables[i]))[:, None]

    def segment(codes: Any, members: Any, first: int) -> _Segment:
        cells = np.hstack([t[m] for t, m in zip(tables[first:], members.T, strict=False)])
        return _Segment(codes, members, _compact(cells) if members.shape[1] > 1 else cells)

    out: list[_Segment] = []
    first, most = 0, max(256, rows // 16)  # each distinct run is put together once; past that, not worth it
    key, members = alone(0)
    used: Any = None  # the keys used, over the columns joined since the last renumbering
    widths: list[int] = []  # those columns' widths
    for i in range(1, len(columns)):
        width = len(tables[i])
        if widths and len(used) * width > _JOIN_KEYS:
            key, members = renumbered(used, key, members, widths)
            used, widths = None, []
        space = (len(members) if used is None else len(used)) * width
        if space <= _JOIN_KEYS:
            joined = key * width
            joined += columns[i][0]
            joined += 1
            runs = np.zeros(space, dtype=bool)
            runs[joined] = True
            if np.count_nonzero(runs) <= most:
                key, used = joined, runs
                widths.append(width)
                continue
        if widths:
            key, members = renumbered(used, key, members, widths)
        out.append(segment(key, members, first))
        first, (key, members), used, widths = i, alone(i), None, []
    if widths:
        key, members = renumbered(used, key, members, widths)
    out.append(segment(key, members, first))
    return out


def _side_by_side(parts: list[tuple[Any, Any]], start: int, stop: int, out: Any) -> Any:
    """Rows start to stop of each part's table (codes, table) taken by its codes, side by side into out."""
    at = 0
    for codes, table in parts:
        out[:, at : at + table.shape[1]] = table.take(codes[start:stop], axis=0, mode="clip")
        at += table.shape[1]
    return out


def _csv_lines(segments: list[_Segment], rows: int, scratch: _Scratch | None = None) -> Iterator[Any]:
    """The rows as csv.writer writes them, UTF-8, in arrays of bytes: each segment's cells taken by its codes
    side by side into a matrix of padded rows, the padding then dropped (row after row, in order). Numpy
    on whole arrays, which leaves Python's lock to the thread building the next chunk. A block of rows at a
    time: it stays in the processor's cache (a chunk at once took half as long again), and is written
    before the next is made."""
    import numpy as np

    scratch = scratch or _Scratch()
    parts = [(s.codes, s.cells) for s in segments]
    width = sum(s.cells.shape[1] for s in segments)
    step = max(1, _MATRIX_BYTES // max(1, width))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        matrix = _side_by_side(parts, start, stop, scratch.array("matrix", (stop - start, width), np.uint8))
        text = np.not_equal(matrix, np.uint8(_PAD), out=scratch.array("text", matrix.shape, bool))
        yield matrix[text]


class _DatasetSink:
    """One dataset written a chunk of columns at a time: its CSV directly, and its SAS transport file from
    a spill of the chunks (numbers already encoded, texts as codes into each column's distinct values),
    assembled at the end, when the widest text of each column (the XPT's variable lengths) is known.
    The builder hands each chunk over whole: its bytes are made and written on a second thread
    (writing.Background), by numpy on whole arrays, which leaves Python's lock to the building of the next."""

    def __init__(self, folder: Path, name: str, variables: tuple[Variable, ...]) -> None:
        self.folder, self.name, self.variables = folder, name, variables
        self.stream = open(folder / f"{name.lower()}.csv", "wb")
        header = io.StringIO()
        csv.writer(header, lineterminator=_LINE_END).writerow([v.name for v in variables])
        self.stream.write(header.getvalue().encode("utf-8"))
        self.spill_path = folder / f".{name.lower()}.spill"
        self.spill = open(self.spill_path, "wb")
        self.spilled: list[list[tuple[str, tuple[int, ...]]]] = []  # each chunk's arrays: type, shape
        self.vocab: dict[str, dict[str, int]] = {v.name: {"": 0} for v in variables if v.kind == "text"}
        self.widths = dict.fromkeys(self.vocab, 1)
        self.io = Background(f"{name.lower()}-io")
        self.scratch = _Scratch()  # the writer thread's

    def write(self, columns: dict[str, Any]) -> None:
        """One chunk: each variable's column as an array (text: str; number: float, NaN missing; date:
        days since 1960-01-01 as float) or as _Coded; read on the writer's thread while the next is built."""
        self.io.submit(self._encode, columns)

    def _encode(self, columns: dict[str, Any]) -> None:
        """A chunk's CSV lines and its spill, on the writer's thread: each column's distinct values formatted
        once, the columns joined into a few segments, whose distinct runs the spill keeps for write_xpt
        (as codes into the vocabularies and into the chunk's tables of encoded numbers)."""
        import numpy as np

        texts, uniques, spill = [], [], []
        for v in self.variables:
            column = columns[v.name]
            c = column if isinstance(column, _Coded) else _coded(column)
            if v.kind == "text":
                cells = [quoted_cell(u, _LINE_END) for u in c.uniques]
            else:
                fmt = _date_text if v.kind == "date" else _number_text
                cells = [fmt(u) for u in c.uniques]  # digits, "-", "." and "e": never quoted
                table = ibm_table(c.uniques)  # the chunk's distinct numbers encoded, then a missing one
                spill.append(np.roll(table, 1).view(np.uint8).reshape(len(table), 8))  # missing first: code 0
            texts.append((c.codes, cells))
            uniques.append(c.uniques)
        rows = len(texts[0][0])
        segments = _joined(texts, rows)
        first = 0
        for s in segments:
            used = np.zeros(len(s.members), dtype=bool)
            used[s.codes] = True
            joined = []
            for j, members in enumerate(s.members.T, start=first):
                v = self.variables[j]
                joined.append(self._vocabulary(v, uniques[j], members[used])[members] if v.kind == "text" else members)
            first += len(joined)
            spill += [_narrow(s.codes), _narrow(np.stack(joined, axis=1))]
        self._write_chunk(_csv_lines(segments, rows, self.scratch), spill)

    def _vocabulary(self, v: Variable, uniques: list[str], written: Any) -> Any:
        """The codes of a text column's distinct values (0 first, missing) in its vocabulary, where the values
        written are added: only they count towards the width."""
        import numpy as np

        vocab = self.vocab[v.name]
        for i in np.unique(written).tolist():
            if i and uniques[i - 1] not in vocab:
                vocab[uniques[i - 1]] = len(vocab)
                self.widths[v.name] = max(self.widths[v.name], len(uniques[i - 1].encode("utf-8")))
        return np.array([0, *(vocab.get(u, 0) for u in uniques)])

    def _write_chunk(self, lines: Iterable[Any], spill: list[Any]) -> None:
        import numpy as np

        for piece in lines:
            self.stream.write(piece)
        pieces = []
        for array in spill:  # each array where its type aligns when read back
            pieces += [array.view(np.uint8).ravel(), np.zeros(-array.nbytes % 8, dtype=np.uint8)]
        self.spill.write(np.concatenate(pieces).data if pieces else b"")
        self.spilled.append([(a.dtype.str, a.shape) for a in spill])

    def close(self) -> None:
        try:
            self.io.wait()
        finally:
            self.stream.close()
            self.spill.close()
            self.scratch = _Scratch()

    def discard(self) -> None:
        self.io.abandon()
        self.stream.close()
        self.spill.close()
        self.spill_path.unlink(missing_ok=True)

    def write_xpt(self) -> None:
        """The chunks spilled, as the SAS transport file `<name>.xpt` (interop/xport.py): per chunk, each
        segment's distinct runs encoded side by side, then taken row by row by its codes (numpy)."""
        import numpy as np

        xpt_vars = []
        for v in self.variables:
            if v.kind == "text":
                width = self.widths[v.name]
                if width > XPT_TEXT_MAX:
                    raise ValueError(
                        f"{self.name}.{v.name}: text over {XPT_TEXT_MAX} bytes cannot go in a SAS transport file"
                    )
                xpt_vars.append(XptVariable(v.name, v.label, False, width))
            elif v.kind == "date":
                xpt_vars.append(XptVariable(v.name, v.label, True, 8, "DATE", 9))
            else:
                xpt_vars.append(XptVariable(v.name, v.label, True, 8))
        row_bytes = sum(x.length for x in xpt_vars)
        texts = {  # each text blank-padded to its column's width, a row of bytes
            name: np.frombuffer(
                b"".join(s.encode("utf-8").ljust(self.widths[name], b" ") for s in vocab), dtype=np.uint8
            ).reshape(len(vocab), self.widths[name])
            for name, vocab in self.vocab.items()
        }
        numbers = sum(v.kind != "text" for v in self.variables)
        try:
            with open(self.spill_path, "rb") as spill, open(self.folder / f"{self.name.lower()}.xpt", "wb") as out:
                writer = XptWriter(out, self.name, f"{self.name} CGA Desk", xpt_vars)
                buffers = (_Scratch(), _Scratch())  # one chunk's rows assembled while the other's are written
                for i, layout in enumerate(self.spilled):
                    arrays = _read_spilled(spill, layout)
                    encoded = iter(arrays[:numbers])  # the chunk's tables of encoded numbers
                    tables = [texts[v.name] if v.kind == "text" else next(encoded) for v in self.variables]
                    rows = buffers[i % 2].array("rows", (len(arrays[numbers]), row_bytes), np.uint8)
                    parts, first = [], 0
                    for codes, members in zip(arrays[numbers::2], arrays[numbers + 1 :: 2], strict=True):
                        joined = [t[m] for t, m in zip(tables[first:], members.T, strict=False)]
                        first += len(joined)
                        parts.append((codes, np.hstack(joined)))
                    step = max(1, _MATRIX_BYTES // row_bytes)
                    for start in range(0, len(rows), step):
                        _side_by_side(parts, start, start + step, rows[start : start + step])
                    self.io.submit(writer.write_encoded, rows.ravel().data)  # no copy
                self.io.wait()
                writer.close()
        finally:
            self.io.abandon()
            self.spill_path.unlink(missing_ok=True)


def _read_spilled(spill: Any, layout: list[tuple[str, tuple[int, ...]]]) -> list[Any]:
    """A chunk's arrays as _write_chunk spilled them, in one read."""
    import numpy as np

    sizes = [np.dtype(kind).itemsize * int(np.prod(shape)) for kind, shape in layout]
    buffer = np.empty(sum(size + -size % 8 for size in sizes), dtype=np.uint8)
    if spill.readinto(buffer.data) != len(buffer):
        raise OSError(f"{spill.name} ends early")
    arrays, at = [], 0
    for (kind, shape), size in zip(layout, sizes, strict=True):
        arrays.append(buffer[at : at + size].view(kind).reshape(shape))
        at += size + -size % 8
    return arrays


def _narrow(codes: Any) -> Any:
    """Non-negative codes in the smallest unsigned integer type that holds them: the spill is written and
    read back once, so its size is time (most columns have a few hundred distinct values per chunk)."""
    import numpy as np

    top = int(codes.max()) if codes.size else 0
    for kind in (np.uint8, np.uint16, np.uint32):
        if top <= np.iinfo(kind).max:
            return codes.astype(kind, copy=False)
    return codes.astype(np.int64, copy=False)


def write_adam(chunks: Iterable[VisitColumns], folder: Path, chunk_visits: int | None = None) -> tuple[int, int]:
    """adsl.csv, adqs.csv, adsl.xpt, adqs.xpt and define.csv in `folder` from the record's columns
    (services/dataset.visit_columns); returns (patients, visits). Built and written `chunk_visits` (default
    CHUNK_VISITS) visits, whole patients, at a time; the output does not depend on it."""
    _check_variables()
    builder = _AdqsBuilder(parameters())
    adsl = _DatasetSink(folder, "ADSL", ADSL_VARIABLES)
    adqs = _DatasetSink(folder, "ADQS", ADQS_VARIABLES)
    patients = visits = 0
    try:
        for read in read_ahead(chunks, "adam-read"):
            read, words = builder.with_values(read)
            for chunk in read.slices(max(1, chunk_visits or CHUNK_VISITS)):
                adsl.write(_adsl_columns(chunk))
                adqs.write(builder.build(chunk, words))
                patients += chunk.patient_count
                visits += len(chunk)
        adsl.close()
        adqs.close()
        with open(folder / "define.csv", "w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, ["dataset", "variable", "label", "type", "length", "codelist"])
            writer.writeheader()
            writer.writerows(define_rows())
        adsl.write_xpt()
        adqs.write_xpt()
    finally:
        adsl.discard()
        adqs.discard()
    return patients, visits
