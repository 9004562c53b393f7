"""The course's nbgrader integration: its settings (``course_settings``, applied by the course's
``nbgrader_config.py``), one preprocessor or exporter per concern (``sanitize``, ``sandboxed_grading``,
``feedback``, ``mathml``; the feedback page templates in ``templates/``), which test cell grades
which exercise (``grade_cells``), the grading record's name (``record``), nbgrader's commands run
as subprocesses in throwaway workspaces (``commands``), and ``internals``: every use of nbgrader's
private API (its converters split per pass for the coordinator, the shared engines of a long run),
checked against nbgrader's version at import. Light to import: the class report imports ``record``
without loading nbgrader."""
