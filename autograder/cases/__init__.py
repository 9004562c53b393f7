"""Inputs for the checks, one module per assignment: ``public_inputs()`` (fixed, shipped with
dlutils together with their expected values) and ``hidden_inputs(rng)`` (random on every run)."""
