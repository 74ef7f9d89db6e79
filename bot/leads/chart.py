"""The digest's chart: the last 12 weeks of protected figures, as a PNG readable on a phone.

Only figures that may be shown are drawn; a figure resting on fewer than 5 people is a gap."""

from __future__ import annotations

import io

from bot.leads import wording
from bot.leads.insights import Insights

SUPPORT = ("rants", "questions", "answers", "pt_yes")
PHONE = (6.0, 8.0)  # inches: tall and narrow, like a phone held upright
DPI = 160


def png(found: Insights, practice: str) -> bytes:
    """Two stacked panels (people taking part; support by kind), large type, no tiny legend."""
    # Imported here: matplotlib takes most of a second to load, and only the digest needs it.
    from matplotlib.figure import Figure  # the object API: no pyplot state, safe in any thread
    from matplotlib.ticker import MultipleLocator

    weeks = found.weeks
    labels = [w.label.split("-")[1] for w in weeks]
    figure = Figure(figsize=PHONE, dpi=DPI)
    top, bottom = figure.subplots(2, 1, sharex=True)
    figure.suptitle(f"{wording.CHART_TITLE}\n{practice}", fontsize=15, fontweight="bold")
    active = [w.figures["active"].value for w in weeks]
    top.plot(labels, _gaps(active), marker="o", linewidth=3, color="#2a7f62")
    top.set_title(wording.CHART_PEOPLE, fontsize=13, loc="left")
    for key, colour in zip(SUPPORT, ("#c4572b", "#3b6fb6", "#7a4fb0", "#d19a1e"), strict=True):
        values = _gaps([w.figures[key].value for w in weeks])
        bottom.plot(
            labels, values, marker="o", linewidth=2.5, color=colour, label=wording.FIGURES[key]
        )
    bottom.set_title(wording.CHART_SUPPORT, fontsize=13, loc="left")
    bottom.legend(fontsize=10, loc="upper left", frameon=False)
    for axes in (top, bottom):
        axes.set_ylim(bottom=0)
        axes.yaxis.set_major_locator(MultipleLocator(5))  # every figure is a multiple of 5
        axes.grid(axis="y", alpha=0.3)
        axes.tick_params(labelsize=10)
        axes.spines[["top", "right"]].set_visible(False)
    bottom.tick_params(axis="x", rotation=45)
    figure.text(0.5, 0.01, wording.CHART_GAPS, ha="center", fontsize=10, style="italic")
    figure.tight_layout(rect=(0, 0.03, 1, 0.95))
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _gaps(values: list[int | None]) -> list[float]:
    return [float("nan") if v is None else float(v) for v in values]
