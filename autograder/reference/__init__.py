"""Reference implementations of every graded function, one module per assignment.

These are the answers. They live only here (never in dlutils/ or release/) and are what the
hidden tests compare against.
"""
