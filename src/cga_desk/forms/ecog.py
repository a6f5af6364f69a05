"""ECOG performance status (0-5; 5 = dead, which is not selectable at a visit).

Source: Oken MM et al., Am J Clin Oncol 1982;5:649-55. Spec: docs/clinical-rules.md section 7.
"""

from __future__ import annotations

from .definitions import InstrumentSpec, Item, Option

DEAD = 5
SELECTABLE = range(0, 5)  # 0-4 at a visit; a patient with ECOG 5 is not assessed

SPEC = InstrumentSpec(
    code="ecog",
    title="ECOG performance status",
    version="ecog-oken-1982/1",
    source="Oken MM et al., Am J Clin Oncol 1982;5:649-55",
    instructions="Choose the grade that best describes the patient's current performance status.",
    direction="higher = worse",
    min_total=0,
    max_total=4,
    items=(
        Item(
            code="ecog",
            label="ECOG performance status",
            options=(
                Option("0", "0 — Fully active, able to carry on all pre-disease performance without restriction", 0),
                Option(
                    "1",
                    "1 — Restricted in physically strenuous activity but ambulatory and able to carry out work of a light nature",
                    1,
                ),
                Option(
                    "2",
                    "2 — Ambulatory and capable of all self-care but unable to carry out any work activities; up and about more than 50 % of waking hours",
                    2,
                ),
                Option(
                    "3",
                    "3 — Capable of only limited self-care; confined to bed or chair more than 50 % of waking hours",
                    3,
                ),
                Option(
                    "4", "4 — Completely disabled; cannot carry on any self-care; totally confined to bed or chair", 4
                ),
            ),
            help="Grade 5 (dead) is not selectable at a visit.",
        ),
    ),
)
