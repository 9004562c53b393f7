"""Mistake corpora: per assignment, realistic wrong answers learners write (``Wrong``) and correct
answers written differently from the reference (``Right``), as notebook code. ``measure`` grades
them with the hidden tests and the public checks and counts what is detected and named
(tests/test_mistake_corpus.py; the report: scripts/mistake_report.py)."""
