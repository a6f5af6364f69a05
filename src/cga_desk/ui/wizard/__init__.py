"""The guided assessment wizard: Katz -> Lawton -> Charlson -> ECOG -> review, keyboard first."""
