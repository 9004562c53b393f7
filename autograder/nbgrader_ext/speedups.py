"""Make nbgrader's per-notebook work cheap when one process grades many notebooks (the coordinator).

nbgrader is written for one notebook per process. Run as a library over a whole class, two of its
habits cost most of the coordinator's time per submission (cProfile, logistic-regression assignment):
- each step opens the gradebook anew, ``Gradebook(db_url)``, about nine times per submission, and
  each open makes a new SQLAlchemy engine, whose cache of compiled statements starts empty;
- checking the cells' nbgrader metadata (``CheckCellMetadata``, in both passes) calls
  ``jsonschema.validate``, which checks the schema itself again before validating each cell.

Within ``shared()``: one engine per database URL (``Gradebook.close`` still ends its session and
returns its connections; the engine and its compiled statements stay for the next open), and each
schema's validator is built once (the same validation, the same first error as jsonschema.validate).
The gradebook, its tables and every query stay nbgrader's.
"""
from __future__ import annotations

import contextlib
import types

import jsonschema
import sqlalchemy
from jsonschema.exceptions import best_match
from nbgrader import api
from nbgrader.nbgraderformat import common


@contextlib.contextmanager
def shared():
    engines: dict[str, sqlalchemy.engine.Engine] = {}
    validators: dict[int, tuple[dict, jsonschema.protocols.Validator]] = {}  # id(schema): (schema, its validator)

    def create_engine(url, **kwargs):
        key = f"{url}|{sorted(kwargs.items())}"
        if key not in engines:
            engines[key] = sqlalchemy.create_engine(url, **kwargs)
        return engines[key]

    def validate(instance, schema):
        if id(schema) not in validators:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validators[id(schema)] = schema, cls(schema)   # the schema is kept, so its id stays its own
        error = best_match(validators[id(schema)][1].iter_errors(instance))
        if error is not None:
            raise error

    fast = types.SimpleNamespace(**{**vars(jsonschema), "validate": validate})
    with _swapped(api, "create_engine", create_engine), _swapped(common, "jsonschema", fast):
        try:
            yield
        finally:
            for engine in engines.values():
                engine.dispose()


@contextlib.contextmanager
def _swapped(module: types.ModuleType, name: str, value):
    """``module.name`` is ``value`` within the block, and what it was after (the names nbgrader looks up
    when it runs: ``api.create_engine`` in ``Gradebook.__init__``, ``common.jsonschema`` in its
    validator). Fails at once, saying so, if nbgrader no longer has the name."""
    if not hasattr(module, name):
        raise RuntimeError(f"{module.__name__} has no {name} any more: autograder/nbgrader_ext/speedups.py was "
                           "written for nbgrader 0.9; re-check what it swaps")
    before = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, before)
