"""Which submissions are suspiciously alike: ``dlcourse similarity ASSIGNMENT`` and the class report's
"Similar answers" section.

``answers.py`` takes each student's own code per graded function out of their notebook (and solutions
found elsewhere out of a folder); ``canonical.py`` writes it in a canonical form (temporaries used once
inlined, independent statements in one order); ``scores.py`` fingerprints it (copydetect's winnowing over
the tokens, with the release's given code as boilerplate, names and literals abstracted, common code
weighed as nothing) and scores every pair of students per function, against how alike honest answers
of that function are; ``highlight.py`` marks what two answers share; ``run.py`` is the command.
Evidence for an instructor to look at, never a verdict.
"""
