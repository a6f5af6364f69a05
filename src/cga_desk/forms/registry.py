"""The one list of instruments that every layer iterates: the wizard, the live panel, the reports,
import validation, the history document, the analysis dataset and its codebook.

Adding an instrument means writing its module (an `Instrument` with its `InstrumentSpec`, see
forms/instrument.py), listing it here, adding its score column in a migration, and its tests.
Order matters: it is the order of the wizard's steps, of the result document's keys and of the
dataset's item columns (instruments with `in_core_dataset=False` are appended after the original
columns of docs/clinical-rules.md, so an existing dataset's columns keep their places).
"""

from __future__ import annotations

from ..domain.errors import ValidationError
from . import charlson, ecog, g8, katz, lawton
from .instrument import Instrument, ScoreKey

INSTRUMENTS: tuple[Instrument, ...] = (
    katz.INSTRUMENT,
    lawton.INSTRUMENT,
    charlson.INSTRUMENT,
    ecog.INSTRUMENT,
    g8.INSTRUMENT,
)

BY_CODE: dict[str, Instrument] = {i.code: i for i in INSTRUMENTS}
CODES: tuple[str, ...] = tuple(BY_CODE)
REQUIRED: tuple[str, ...] = tuple(i.code for i in INSTRUMENTS if i.required)  # a complete visit needs these
CORE: tuple[Instrument, ...] = tuple(i for i in INSTRUMENTS if i.in_core_dataset)
APPENDED: tuple[Instrument, ...] = tuple(i for i in INSTRUMENTS if not i.in_core_dataset)

# The IMWG score is compared with baseline like the instruments' totals (higher = frailer).
IMWG_CHANGE = ScoreKey("imwg_score", "IMWG frailty score", +1)
# Scores whose change from baseline is computed, in the order of the change documents and columns.
CHANGE_KEYS: tuple[ScoreKey, ...] = (
    tuple(i.change for i in CORE if i.change) + (IMWG_CHANGE,) + tuple(i.change for i in APPENDED if i.change)
)
DECLINE_SIGN: dict[str, int] = {k.key: k.decline_sign for k in CHANGE_KEYS}


def get(code: str) -> Instrument:
    """The instrument of a code, or a ValidationError naming the field 'instrument'."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValidationError("instrument", f"{code!r} is not one of {', '.join(CODES)}") from None


def versions() -> str:
    """Every instrument's form version, for the scoring version string."""
    return "; ".join(i.spec.version for i in INSTRUMENTS)
