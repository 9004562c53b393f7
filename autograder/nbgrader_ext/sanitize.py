"""Sanitizing steps for autograding: nothing a submission says about itself is trusted. This module
is their order; each step of the course's own is a module of this package.

``Autograde.sanitize_preprocessors`` (autograder.nbgrader_ext.course_settings) run in this order:

1. nbgrader ``ClearOutput``: the submission's own outputs are dropped (the sandbox makes new ones).
2. ``restore_cell_roles.RestoreCellRoles``: every cell's student-side nbgrader and dlcourse metadata is dropped,
   and each cell of the release notebook that has a role (answer, test, locked) gives its metadata
   back to the submission cell that corresponds to it (with its ``dlcourse`` flags, such as
   ``skip_when_grading`` on a demonstration cell, which ``autograder.nbgrader_ext.sandboxed_grading`` reads). Cells the
   student added stay plain student cells; forged grade cells, renamed ids and forged flags grade
   (and skip) nothing. Each repair is written down for the student.
3. nbgrader ``DeduplicateIds``, ``OverwriteKernelspec``, ``OverwriteCells`` (sources, types and points
   of locked and test cells come back from the gradebook; ``add_missing_cells`` as a safety net).
4. ``defuse_html.DefuseStudentHTML``: nothing from the submission can run in a browser. It runs here, so the
   autograded notebook the formgrader shows is already safe, again after the sandboxed run (on the
   outputs it wrote) and once more when feedback is generated.
5. nbgrader ``CheckCellMetadata``.
"""
