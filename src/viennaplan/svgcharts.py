"""Charts as inline SVG drawn with matplotlib (Agg, no display, no pyplot state), for pages and PDF alike.

The same data always gives the same bytes: ids are salted with a fixed `svg.hashsalt`, no date
is written in the metadata, and text stays text (`svg.fonttype: none`), so the SVG is small,
searchable and readable by screen readers through its accessible name (and <title>/<desc>).

    with rc_context(RC):
        figure = new_figure(7.2, 3.0)
        ...draw on figure.add_subplot()...
        svg = inline_svg(figure, "Parties over time", desc="...")

Several charts in one document: `unique_ids(svg, "chart-untoc")` prefixes every id of one of them.
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = ["BLUE", "BLUE_LIGHT", "MUTED", "RC", "TARGET", "inline_svg", "new_figure", "rc_context", "unique_ids"]

BLUE, BLUE_LIGHT, MUTED, TARGET = "#0b4f8a", "#5b92e5", "#4d5560", "#a3141a"
RC = {
    "svg.hashsalt": "viennaplan",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def new_figure(width: float, height: float) -> Figure:
    """A figure of `width` x `height` inches on an SVG canvas (call inside `rc_context(RC)`)."""
    figure = Figure(figsize=(width, height), dpi=72)
    FigureCanvasSVG(figure)
    return figure


def inline_svg(figure: Figure, title: str, desc: str | None = None) -> str:
    """The figure as an <svg> element alone (no XML prolog or DOCTYPE), scalable, with an accessible
    name and its <title>; with `desc`, a <desc> after the <title> (call inside `rc_context(RC)`)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title, "Creator": "viennaplan"})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    label = f'role="img" aria-label="{escape(title)}"'
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', lambda m: f"<svg {m[1]}{label}", svg, count=1)
    if desc is not None:  # matplotlib writes the <title> (from the metadata) first; the <desc> follows it
        after = svg.index("</title>") + len("</title>")
        svg = f"{svg[:after]}\n <desc>{escape(desc)}</desc>{svg[after:]}"
    return svg.strip()


def unique_ids(svg: str, prefix: str) -> str:
    """The SVG with its ids (and the references to them) prefixed: several charts in one document
    would otherwise define matplotlib's ids ("line2d_1", …) more than once."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m[1]}"', svg)
    return re.sub(r'(url\(#|href="#)([^")]+)', lambda m: f"{m[1]}{prefix}-{m[2]}", svg)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
