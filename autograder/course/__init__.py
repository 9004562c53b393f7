"""The course's content on the trusted side: which assignments and lectures there are
(``registry``), each assignment's reference solutions, hidden inputs and known mistakes
(``assignments/<id>/``, ``lectures/``), the known-mistake types they share (``known_mistakes``),
sample submissions for the demo (``samples``) and ``dlcourse release`` (``make_release``). The
hidden test cells call ``autograder.hidden``, which stays where the gradebooks name it."""
