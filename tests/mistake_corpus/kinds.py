"""The two kinds of corpus entries: the learner's whole function definition, as typed in the notebook."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Wrong:
    exercise: str   # the graded function it defines
    what: str       # the mistake in words
    code: str       # the function's source (np, math and the other exercise functions are available)


@dataclass(frozen=True)
class Right:
    exercise: str
    what: str       # how it differs from the reference
    code: str
