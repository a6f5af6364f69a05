"""The ages a registration accepts (issue 18 item 3; docs/clinical-decisions.md, "Birth dates at registration").

- Over MAX_AGE (120) years is refused: the oldest verified human lived 122 years (Jeanne Calment,
  1875-1997), so an age over 120 is a typing mistake (a birth date of 1800), as forms/document.py refuses
  an age over 120 in a document (issue 14).
- Under ADULT_AGE (18) years is asked about, not refused: CGA Desk is an adult haematology clinic's tool;
  the IMWG frailty score was derived in adults with newly diagnosed myeloma (Palumbo et al., Blood
  2015;125:2068-2074) and Katz, Lawton and Charlson are adult instruments. A child is almost always a
  mistyped year, but a young adult's record may need a decade corrected, so the window asks.
"""

from __future__ import annotations

from datetime import date

MAX_AGE = 120
ADULT_AGE = 18
REFUSED, CONFIRM = "refused", "confirm"


def age_in_years(birth: date, day: date) -> int:
    """Completed years on `day`."""
    return day.year - birth.year - int((day.month, day.day) < (birth.month, birth.day))


def age_check(birth: date, day: date) -> str | None:
    """REFUSED over MAX_AGE, CONFIRM under ADULT_AGE, else None."""
    age = age_in_years(birth, day)
    if age > MAX_AGE:
        return REFUSED
    if age < ADULT_AGE:
        return CONFIRM
    return None
