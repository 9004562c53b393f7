"""Reading what the grader does not trust: submitted files, and whatever comes back from a sandbox.

Everything here refuses rather than follows. A path is opened without following a symbolic link
(``O_NOFOLLOW``), never blocks (a FIFO is refused, not waited on), and only a regular file is read,
never more than a cap; JSON is parsed with a limit on its nesting depth (and Python's own limit on
the digits of an integer). Each failure is a ``Refused`` error whose message says, in a sentence,
what is wrong with which file, so that it costs only the student or the function it concerns.
"""
from __future__ import annotations

import errno
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

MAX_DEPTH = 100   # nesting of JSON arrays and objects (a notebook needs about 10)

_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFLNK: "a symbolic link"}


class Refused(ValueError):
    """An untrusted file or value that the grader will not read; the message says why."""


def kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a regular file", "a FIFO (named pipe)", ...)."""
    return "a regular file" if stat.S_ISREG(mode) else _KINDS.get(stat.S_IFMT(mode), "a special file")


def is_real_dir(path: Path | str) -> bool:
    """``path`` is a folder itself, not a link to one (False when it is missing or unreadable)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: Path | str, max_bytes: int, *, name: str | None = None, single_link: bool = False) -> bytes:
    """The contents of ``path`` if it is a regular file of at most ``max_bytes`` bytes, else ``Refused``.

    The file is checked with ``lstat`` before it is opened (so a device or FIFO is never opened),
    opened with ``O_NOFOLLOW | O_NONBLOCK``, and checked again to be the same file. With
    ``single_link`` a file with other hard links (which may be a file outside the submission) is
    refused too.
    """
    name = name or Path(path).name
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise Refused(f"{name} is missing") from None
    except OSError as e:
        raise Refused(f"{name} cannot be read ({e.strerror})") from None
    if not stat.S_ISREG(before.st_mode):
        raise Refused(f"{name} is {kind(before.st_mode)}, not a regular file")
    if single_link and before.st_nlink > 1:
        raise Refused(f"{name} is a hard link to a file that has other names ({before.st_nlink} links)")
    if before.st_size > max_bytes:
        raise Refused(f"{name} is {before.st_size:,} bytes, more than the limit of {max_bytes:,}")
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise Refused(f"{name} is a symbolic link, not a regular file") from None
        raise Refused(f"{name} cannot be read ({e.strerror})") from None
    try:
        after = os.fstat(fd)
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino) or not stat.S_ISREG(after.st_mode):
            raise Refused(f"{name} changed while it was being read")
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise Refused(f"{name} is more than the limit of {max_bytes:,} bytes")
    return data


def loads(data: bytes | str, *, name: str, max_depth: int | None = MAX_DEPTH) -> Any:
    """Parse JSON from an untrusted source, or raise ``Refused`` saying what is wrong with ``name``.

    ``max_depth``: how deep arrays and objects may nest, for code that walks the value recursively;
    None for a reader that only looks at fixed paths in it (the parser's own recursion limit still
    applies, and the walk that checks the depth costs as much as the parsing)."""
    try:
        value = json.loads(data)
    except UnicodeDecodeError:
        raise Refused(f"{name} is not a text file (not UTF-8)") from None
    except json.JSONDecodeError as e:
        raise Refused(f"{name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise Refused(f"{name} nests arrays or objects deeper than {max_depth or sys.getrecursionlimit()} "
                      "levels") from None
    except ValueError:  # Python's limit on the digits of an integer literal
        raise Refused(f"{name} holds a number too long to read (more than "
                      f"{sys.get_int_max_str_digits():,} digits)") from None
    if max_depth is not None and depth(value, max_depth) > max_depth:
        raise Refused(f"{name} nests arrays or objects deeper than {max_depth} levels")
    return value


def depth(value: Any, stop: int = MAX_DEPTH) -> int:
    """Nesting depth of lists and dicts in ``value`` (a scalar is 0), counted without recursion and
    no further than ``stop + 1``."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (list, dict)):
            level += 1
            if level > deepest:
                deepest = level
                if deepest > stop:
                    return deepest
            stack.extend((child, level) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def load_file(path: Path | str, max_bytes: int, *, name: str | None = None, max_depth: int | None = MAX_DEPTH,
              single_link: bool = False) -> Any:
    """``read_bytes`` then ``loads``: the JSON in an untrusted file, or ``Refused``."""
    name = name or Path(path).name
    return loads(read_bytes(path, max_bytes, name=name, single_link=single_link), name=name, max_depth=max_depth)
