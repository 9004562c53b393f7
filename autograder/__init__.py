"""The grading side of the course: nbgrader settings, reference implementations, check inputs,
hidden tests and the ``dlcourse`` command (see autograder/cli.py)."""
