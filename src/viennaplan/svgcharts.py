"""Charts as inline SVG drawn with matplotlib (Agg, no display, no pyplot state), for pages and PDF alike.

The same data always gives the same bytes: ids are salted with a fixed `svg.hashsalt`, no date
is written in the metadata, and text stays text (`svg.fonttype: none`), so the SVG is small,
searchable and readable by screen readers through its accessible name (and <title>/<desc>).

    with rc_context(RC):
        figure = new_figure(7.2, 3.0)
        ...draw on figure.add_subplot()...
        svg = inline_svg(figure, "Parties over time", desc="...")

Several charts in one document: `unique_ids(svg, "chart-untoc")` prefixes every id of one of them.

Right to left (Arabic): a chart reads from the right when the active language is bidi (or when asked,
`mirrored=True`). One mechanism, `Mirror`: matplotlib lays the chart out mirrored (the x axis inverted,
so time runs from the right and bars grow leftwards; the y axis, its labels and spine on the right;
legend entries right to left with the marker after the words; offsets and alignments swapped), and
`inline_svg` then gives every text node with right-to-left letters `direction="rtl"`, its
`text-anchor` swapped (in SVG, "start" of right-to-left text is its right edge: the swap keeps the
text where matplotlib placed it) and its numbers, years, codes and citations ("57(k)(ii)") inside
`<tspan direction="ltr" unicode-bidi="embed">` (`ltr_runs`). The SVG is never flipped with a
transform: that would mirror the letters. Off, nothing changes: English output is byte for byte the same.

    mirror = Mirror.of(mirrored)             # None: from the active language
    axes.annotate(..., xytext=(mirror.dx(3), 0), ha=mirror.ha("left"))
    mirror.axes(axes)                         # after the limits are set
    mirror.legend(axes, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
    mirror.adjust(figure, left=0.08, right=0.98, top=0.93, bottom=0.2)
    svg = inline_svg(figure, title, mirrored=mirror.on)

A cache of drawn charts keys on the active language, which decides the direction.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import matplotlib

matplotlib.use("Agg")

from django.utils import translation  # noqa: E402
from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = [
    "BLUE",
    "BLUE_LIGHT",
    "MUTED",
    "RC",
    "TARGET",
    "Mirror",
    "inline_svg",
    "ltr_runs",
    "new_figure",
    "rc_context",
    "right_to_left",
    "unique_ids",
]

BLUE, BLUE_LIGHT, MUTED, TARGET = "#0b4f8a", "#5b92e5", "#4d5560", "#a3141a"
RC = {
    "svg.hashsalt": "viennaplan",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


# Scripts DejaVu Sans lacks, and the font that has them (fonts-noto-core, fonts-noto-cjk).
SCRIPT_FONTS = {"zh": "Noto Sans CJK SC", "ar": "Noto Sans Arabic"}


def font_families(language: str | None = None) -> list[str]:
    """The fonts a chart's words are measured and named in: DejaVu Sans (Latin, Cyrillic, Greek),
    then, for Chinese and Arabic, the Noto font of that script where it is installed (else the
    chart is drawn as before and its words measured by DejaVu's missing-glyph boxes)."""
    code = (language or translation.get_language() or "en").split("-")[0]
    extra = SCRIPT_FONTS.get(code)
    return ["DejaVu Sans", extra] if extra and _installed(extra) else ["DejaVu Sans"]


@cache
def _installed(family: str) -> bool:
    from matplotlib import font_manager

    try:
        font_manager.findfont(family, fallback_to_default=False)
    except ValueError:
        return False
    return True


def new_figure(width: float, height: float) -> Figure:
    """A figure of `width` x `height` inches on an SVG canvas (call inside `rc_context(RC)`), its
    fonts those of the reader's script (`font_families`)."""
    families = font_families()
    if len(families) > 1:
        matplotlib.rcParams["font.family"] = families  # rc_context(RC) restores it
    figure = Figure(figsize=(width, height), dpi=72)
    FigureCanvasSVG(figure)
    return figure


def inline_svg(figure: Figure, title: str, desc: str | None = None, *, mirrored: bool | None = None) -> str:
    """The figure as an <svg> element alone (no XML prolog or DOCTYPE), scalable, with an accessible
    name and its <title>; with `desc`, a <desc> after the <title> (call inside `rc_context(RC)`).
    Right to left (`mirrored`, by default from the active language), its text nodes are marked so."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title, "Creator": "viennaplan"})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    if right_to_left(mirrored):
        svg = TEXT_NODE.sub(_rtl_text, svg)
    label = f'role="img" aria-label="{escape(title)}"'
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', lambda m: f"<svg {m[1]}{label}", svg, count=1)
    if desc is not None:  # matplotlib writes the <title> (from the metadata) first; the <desc> follows it
        after = svg.index("</title>") + len("</title>")
        svg = f"{svg[:after]}\n <desc>{escape(desc)}</desc>{svg[after:]}"
    return svg.strip()


# Each pattern starts with its literal words, which `re` finds fast (a pattern starting with \b was
# tried at every character: 13 ms for the 50 charts of a State's profile, against 4 ms).
ID_ATTRIBUTE = re.compile(r'id="(?=[^"]+")')
ID_REFERENCE = re.compile(r'url\(#(?=[^")])|href="#(?=[^")])')


def unique_ids(svg: str, prefix: str) -> str:
    """The SVG with its ids (and the references to them) prefixed: several charts in one document
    would otherwise define matplotlib's ids ("line2d_1", …) more than once. An id is the word `id`
    (not the end of a longer word) with a value; a reference is url(#…) or href="#…"."""

    def id_attribute(match: re.Match) -> str:
        start = match.start()
        before = svg[start - 1] if start else ""
        return match[0] if before.isalnum() or before == "_" else f"{match[0]}{prefix}-"

    return ID_REFERENCE.sub(lambda match: f"{match[0]}{prefix}-", ID_ATTRIBUTE.sub(id_attribute, svg))


# -- right to left ----------------------------------------------------------------------------

RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana, …
_LTR = "0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9"  # digits (Arabic-Indic too) and Latin letters
_WORD = f"[{_LTR}](?:[{_LTR}.,()\\[\\]%'\u2019_\u2013\u2212-]*[{_LTR})\\]%])?"  # "57(k)(ii)", "1,000", "25.0%"
# A number, year, code or citation, with a sign, "<" or "(" before it; words joined by one space, ":" or
# "/" ("Natural Earth 1:110m") stay one run: "(<5)", "-25.0%", "CHE", "57(k)(ii)".
LTR_RUN = re.compile(f"[([]?[-+\u2212<>\u2264\u2265]?{_WORD}(?:[ :/]{_WORD})*")
LTR_SPAN = '<tspan direction="ltr" unicode-bidi="embed">'
TEXT_NODE = re.compile(r"<text\b([^>]*)>([^<]*)</text>")


def right_to_left(mirrored: bool | None = None) -> bool:
    """`mirrored` when given, else whether the active language is written right to left."""
    return translation.get_language_bidi() if mirrored is None else mirrored


def ltr_runs(text: str) -> str:
    """`text` escaped for SVG, each number, year, code or citation in it inside a left-to-right span, so
    that right-to-left text around it does not reorder it ("57(k)(ii)" stays "57(k)(ii)")."""
    parts, end = [], 0
    for run in LTR_RUN.finditer(text):
        parts += [escape(text[end : run.start()]), LTR_SPAN, escape(run[0]), "</tspan>"]
        end = run.end()
    parts.append(escape(text[end:]))
    return "".join(parts)


def _rtl_text(match: re.Match) -> str:
    """A text node drawn by matplotlib, right to left when it has right-to-left letters: its anchor is
    swapped so that it stays where matplotlib put it (text-anchor "start" of rtl text is its right edge)."""
    attributes, content = match[1], html.unescape(match[2])
    if not RTL_LETTER.search(content):
        return match[0]  # numbers, years: left to right as they are
    swapped = {"start": "end", "end": "start"}
    attributes = re.sub(r"text-anchor: (start|end)", lambda m: f"text-anchor: {swapped[m[1]]}", attributes)
    return f'<text direction="rtl"{attributes}>{ltr_runs(content)}</text>'


@dataclass(frozen=True)
class Mirror:
    """How a matplotlib chart is laid out: as drawn (`on` False) or mirrored for a right-to-left reader.
    Every method does nothing when off."""

    on: bool

    @classmethod
    def of(cls, mirrored: bool | None = None) -> Mirror:
        return cls(right_to_left(mirrored))

    def dx(self, offset: float) -> float:
        """A horizontal offset (points), towards the other side when mirrored."""
        return -offset if self.on else offset

    def ha(self, align: str) -> str:
        """A horizontal alignment, "left" and "right" swapped when mirrored."""
        return {"left": "right", "right": "left"}.get(align, align) if self.on else align

    def axes(self, axes: Any) -> None:
        """The x axis inverted (time from the right, bars growing leftwards) and the y axis, its tick
        labels, its label and its spine on the right. Call once the limits are set."""
        if not self.on:
            return
        axes.invert_xaxis()
        axes.yaxis.tick_right()
        axes.yaxis.set_label_position("right")
        axes.spines["right"].set_visible(axes.spines["left"].get_visible())
        axes.spines["left"].set_visible(False)

    def legend(self, axes: Any, handles: list | None = None, **options: Any) -> Any:
        """`axes.legend(...)`; mirrored, its entries right to left (one row) with the marker after the
        words, and a `bbox_to_anchor` and `loc` on the other side."""
        if not self.on:
            return axes.legend(**options) if handles is None else axes.legend(handles=handles, **options)
        if handles is None:
            handles, labels = axes.get_legend_handles_labels()
        else:
            labels = [handle.get_label() for handle in handles]
        if options.get("ncol", 1) >= len(handles):  # one row: read from the right
            handles, labels = handles[::-1], labels[::-1]
        anchor = options.get("bbox_to_anchor")
        if anchor is not None:
            options["bbox_to_anchor"] = (1 - anchor[0], *anchor[1:])
        if "loc" in options:
            words = {"left": "right", "right": "left"}
            options["loc"] = " ".join(words.get(word, word) for word in options["loc"].split())
        return axes.legend(handles, labels, markerfirst=False, **options)

    def adjust(self, figure: Figure, *, left: float, right: float, top: float, bottom: float) -> None:
        """`figure.subplots_adjust`, the left and right margins swapped when mirrored."""
        if self.on:
            left, right = 1 - right, 1 - left
        figure.subplots_adjust(left=left, right=right, top=top, bottom=bottom)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
