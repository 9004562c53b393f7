"""Small pieces of the report's HTML: student ids as links to their rows, pictures, tables, numbers.
Every text is escaped unless the caller says it is HTML already."""
from __future__ import annotations

import base64
import html


def ids(ids: list[str]) -> str:
    links = " ".join(f'<a href="#s-{html.escape(i)}">{html.escape(i)}</a>' for i in ids)
    if len(ids) <= 8:
        return f'<span class="ids">{links}</span>'
    return f'<details><summary>{len(ids):,} students</summary><span class="ids">{links}</span></details>'


def img(png: bytes | None, alt: str) -> str:
    if not png:
        return ""
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def table(head, rows, numeric=frozenset(), raw=frozenset()) -> str:
    """A table of text cells (escaped, except the columns in ``raw``, which are HTML already)."""
    def cell(k, v):
        text = str(v) if k in raw else html.escape(str(v))
        return f'<td class="n">{text}</td>' if k in numeric else f"<td>{text}</td>"
    return ("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(cell(k, v) for k, v in enumerate(r)) + "</tr>" for r in rows) + "</table>")


def num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3g}"
