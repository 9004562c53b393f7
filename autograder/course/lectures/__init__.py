"""The lecture notebooks' ungraded "check yourself" exercises (notebooks/): a check set with
public checks only (no notebook in source/, no hidden tests, no grades)."""

CHECKS = "lectures"
