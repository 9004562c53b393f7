"""dlutils: the helper package every course notebook imports.

- ``dlutils.datasets``: the cat-vs-dog images and the 2-D toy datasets (all local, seeded; the
  planar flower is the original course's, point for point);
- ``dlutils.baselines``: a logistic-regression baseline for 2-D data, fitted with scipy;
- ``dlutils.plots``: images, cost curves, learning-rate comparisons, decision boundaries;
- ``dlutils.checks``: the public checks students run (one module per assignment);
- ``dlutils.gradcheck``: numerical vs analytic gradients;
- ``dlutils.i18n`` (``use_language``) and ``dlutils.fonts``: the language of messages and plot labels
  (a translated edition's first cell chooses it), through the catalogues in ``dlutils/locale/``.

It contains no solution to any exercise (tests/test_release.py scans it for solution lines).
"""

from .i18n import use_language  # noqa: E402,F401 (a translated notebook's first cell calls it)
