"""Pairwise similarity of students' answers to one function, and which pairs stand out.

Each answer is fingerprinted with copydetect's steps (``fingerprint``): its tokens with every name,
string and comment abstracted away (so renaming variables, changing comments and whitespace change
nothing), k-grams of them hashed and winnowed; the fingerprints of the release's given code (the ``def`` line, its
docstring, the stub) are boilerplate and dropped. A pair's score is the share of each answer's
fingerprints the other has, averaged (1: the same code up to names and layout; 0: nothing in common).

All pairs of a function are scored at once: a sparse students x fingerprints matrix times its transpose
gives every pair's shared fingerprints (a class of 1,000 is a million pairs per function).

What counts as "alike" depends on the function: everyone writes a three-line ``sigmoid`` the same way,
while two honest ``L_model_backward`` share far less. So a pair is flagged only when its score is above
the function's threshold (``threshold``): above what honest, independently written answers of that
function reach among themselves (``honest``: the reference and known correct variants, when given), well
above the class's own typical pair (median plus ``SPREAD`` median absolute deviations, in a class of
``MIN_CLASS`` or more), and above ``FLOOR``; and only for answers long enough to tell (``MIN_FINGERPRINTS``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .canonical import canonical

K = 10               # characters of filtered code per hashed k-gram (copydetect's "noise threshold")
WINDOW = 3           # winnowing window: every run of K + WINDOW - 1 filtered characters keeps a fingerprint
FLOOR = 0.75         # never flag a pair below this score
SPREAD = 4.0         # ... nor below the class's median pair plus this many median absolute deviations,
MIN_CLASS = 20       # ... in a class of at least this many answers (a smaller one says too little)
MARGIN = 0.1         # ... nor below the most alike honest pair plus this
MIN_FINGERPRINTS = 6  # an answer with fewer that are not common (a one-liner) is never flagged: too short to tell
COMMON = 10          # a fingerprint more answers than this hold is common, like given code (MOSS's -m 10) ...
COMMON_SHARE = 0.05  # ... or than this share of the answers, in a class of more than 200


def fingerprint(code: str, boilerplate: set[int] | frozenset[int] = frozenset(), as_written: bool = False) -> frozenset[int]:
    """The winnowed fingerprints of ``code`` (Python) in its canonical form (``canonical``: temporaries
    used once inlined, independent statements in one order), or ``as_written``, without those of
    ``boilerplate``.

    copydetect's own steps (its token filter, its winnowing), except the hash of each k-gram: copydetect
    uses Python's ``hash``, which changes from one process to the next (PYTHONHASHSEED), so the same class
    would score differently in every run; this one is stable (the first 8 bytes of its BLAKE2b)."""
    from copydetect.utils import filter_code, winnow

    filtered, _ = filter_code(code if as_written else canonical(code), "answer.py", "python")
    if len(filtered) < K:
        return frozenset()
    kgrams = np.array([kgram_hash(filtered[i:i + K]) for i in range(len(filtered) - K + 1)], dtype=np.int64)
    selected, _ = winnow(kgrams, WINDOW)
    return frozenset(int(h) for h in selected) - frozenset(boilerplate)


def kgram_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little", signed=True)


def pair_scores(prints: list[frozenset[int]], weights: dict[int, float] | None = None) -> np.ndarray:
    """The n x n matrix of pair scores of ``prints`` (n answers): the mean of the two shares of
    fingerprints in common, each fingerprint counting its weight (``weights``; 1 when not given or not
    in it); 0 on the diagonal and for an empty answer."""
    n = len(prints)
    vocabulary: dict[int, int] = {}
    rows, cols = [], []
    for i, hashes in enumerate(prints):
        for h in hashes:
            rows.append(i)
            cols.append(vocabulary.setdefault(h, len(vocabulary)))
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, max(len(vocabulary), 1)))
    w = np.ones(m.shape[1])
    if weights:
        for h, k in vocabulary.items():
            w[k] = weights.get(h, 1.0)
    weighted = m @ sparse.diags(w)
    shared = (weighted @ m.T).toarray()
    sizes = np.asarray(weighted.sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(sizes[:, None] > 0, shared / sizes[:, None], 0.0)
    scores = np.clip((share + share.T) / 2, 0.0, 1.0)  # 1 exactly for the same code (not 1 + rounding)
    np.fill_diagonal(scores, 0.0)
    return scores


def rarity(prints: list[frozenset[int]]) -> dict[int, float]:
    """Each fingerprint's weight: log(1 + N / df), where N answers are not empty and df hold it, so what
    many answers share (the formula everyone writes the same way) counts little and what few share counts
    much; and 0, like the given code's, for a fingerprint more than ``common(N)`` answers hold: code that
    common is how the class writes it, not evidence that two students copied (MOSS's ``-m``).
    (Identical answers that are not common still score 1: the weights are the same on both sides.)"""
    df: dict[int, int] = {}
    for p in prints:
        for h in p:
            df[h] = df.get(h, 0) + 1
    n = sum(1 for p in prints if p)
    most = common(n)
    return {h: float(np.log1p(n / k)) if k <= most else 0.0 for h, k in df.items()}


def common(answers: int) -> int:
    """How many answers may hold a fingerprint before it counts as common: ``COMMON`` or ``COMMON_SHARE``
    of the answers, whichever is more."""
    return max(COMMON, int(COMMON_SHARE * answers))


@dataclass
class Threshold:
    value: float         # pairs above it are flagged (1 or more: none can be)
    class_median: float
    class_spread: float  # median absolute deviation of the class's pair scores
    honest_max: float | None  # the most alike pair of honest, independent answers (None: none given)
    by_class: bool = False    # whether the class was large enough (MIN_CLASS) to count

    def reason(self) -> str:
        parts = [f"class median {self.class_median:.2f} + {SPREAD:g} x {self.class_spread:.2f}"] if self.by_class else []
        if self.honest_max is not None:
            parts.append(f"honest answers up to {self.honest_max:.2f} + {MARGIN:g}")
        if not parts:
            return f"{self.value:.2f} (the floor: too few answers and no honest pair to calibrate it)"
        return f"max({', '.join([f'{FLOOR:g}', *parts])}) = {self.value:.2f}"


def threshold(class_scores: np.ndarray, honest_scores: np.ndarray | None = None,
              answered: np.ndarray | None = None) -> Threshold:
    """The flagging threshold of one function from its class's pair scores (``pair_scores``) and the
    pair scores of honest, independent answers. ``answered``: which of the class wrote something of their
    own (the others, the release's code left as it was, take no part: their pairs score 0)."""
    if answered is not None:
        class_scores = class_scores[np.ix_(answered, answered)]
    upper = class_scores[np.triu_indices(len(class_scores), 1)]
    median = float(np.median(upper)) if upper.size else 0.0
    spread = float(np.median(np.abs(upper - median))) if upper.size else 0.0
    honest = None
    if honest_scores is not None and len(honest_scores) > 1:
        honest = float(honest_scores[np.triu_indices(len(honest_scores), 1)].max())
    by_class = median + SPREAD * spread if len(class_scores) >= MIN_CLASS else 0.0
    value = max(FLOOR, by_class, (honest + MARGIN) if honest is not None else 0.0)
    return Threshold(value, median, spread, honest, len(class_scores) >= MIN_CLASS)


@dataclass
class Flagged:
    function: str
    a: str
    b: str
    score: float


@dataclass
class FunctionResult:
    function: str
    threshold: Threshold
    students: list[str]
    scores: np.ndarray                          # students x students
    flagged: list[Flagged] = field(default_factory=list)
    known: list[Flagged] = field(default_factory=list)  # a student (a) above the threshold with a known solution (b)
    code: dict[str, str] = field(default_factory=dict)   # student or known solution -> the code compared
    given: str = ""                                      # the release's code (boilerplate)
    telling: np.ndarray | None = None  # per student: long enough to tell (MIN_FINGERPRINTS not common)


def compare_function(function: str, answers: dict[str, str], given: str = "",
                     honest: list[str] | None = None, known: dict[str, str] | None = None) -> FunctionResult:
    """Score every pair of ``answers`` (student -> their code of ``function``) and flag those above the
    threshold; ``given``: the release's code of the function (boilerplate); ``honest``: independent
    correct answers (the reference, known variants) that calibrate the threshold; ``known``: solutions
    the instructor has found elsewhere (name -> code), each compared with every student (they take no
    part in the threshold, and their matches are not weighed by how common the code is)."""
    boilerplate = fingerprint(given) if given.strip() else frozenset()
    students, sources = sorted(answers), sorted(known or {})
    prints = [fingerprint(answers[s], boilerplate) for s in students]
    known_prints = [fingerprint(known[k], boilerplate) for k in sources]
    honest_prints = [fingerprint(code, boilerplate) for code in honest or []]
    weights = rarity(prints + honest_prints)

    def telling(p: frozenset[int]) -> bool:
        """Enough fingerprints that are not common to tell a copy from a coincidence."""
        return sum(1 for h in p if weights.get(h, 1.0) > 0) >= MIN_FINGERPRINTS

    scores = pair_scores(prints, weights)
    n = len(students)
    honest_prints = [p for p in honest_prints if telling(p)]
    honest_scores = pair_scores(honest_prints, weights) if honest_prints else None
    answered = np.array([bool(p) for p in prints], dtype=bool)
    result = FunctionResult(function, threshold(scores, honest_scores, answered), students, scores,
                            code={**answers, **(known or {})}, given=given)
    result.telling = np.array([telling(p) for p in prints], dtype=bool)
    i, j = np.nonzero(np.triu(scores > result.threshold.value, 1) & result.telling[:, None] & result.telling[None, :])
    result.flagged = [Flagged(function, students[a], students[b], float(scores[a, b]))
                      for a, b in sorted(zip(i.tolist(), j.tolist()), key=lambda ab: -scores[ab])]
    if sources:
        # Not weighed by how common the code is in the class: a solution found elsewhere that many
        # students hold is what this comparison is for.
        to_known = pair_scores(prints + known_prints)[:n, n:]
        size = np.array([len(p) >= MIN_FINGERPRINTS for p in prints + known_prints], dtype=bool)
        i, j = np.nonzero((to_known > result.threshold.value) & size[:n, None] & size[None, n:])
        result.known = [Flagged(function, students[a], sources[b], float(to_known[a, b]))
                        for a, b in sorted(zip(i.tolist(), j.tolist()), key=lambda ab: -to_known[ab])]
    return result


def clusters(flagged: list[Flagged]) -> list[list[str]]:
    """Groups of students linked by flagged pairs (of any function), largest first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in flagged:
        parent[root(f.a)] = root(f.b)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))
