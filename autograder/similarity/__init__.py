"""Which submissions are suspiciously alike: ``dlcourse similarity ASSIGNMENT``.

``answers.py`` takes each student's own code per graded function out of their notebook; ``scores.py``
fingerprints it (copydetect's winnowing over the tokens, with the release's given code as boilerplate,
names and literals abstracted) and scores every pair of students per function, against how alike honest
answers of that function are. Evidence for an instructor to look at, never a verdict.
"""
