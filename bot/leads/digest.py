"""The weekly digest for leads (a chart and two lines, privately, at a free moment), the same
figures as CSV on request, and the 12-week before-and-after review.

Serves leadership: leads see whether peer support is happening, in protected totals only."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.core.calendar import local_date, week_of
from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Attachment, Message
from bot.core.values import Caller, Practice
from bot.leads import chart, wording
from bot.leads.insights import FIGURES, Insights
from bot.leads.ports import LeadsTx
from bot.leads.service import Leads

REVIEW_LENGTH = timedelta(weeks=12)
BASELINE_KEYS = ("active", *(key for key, *_ in FIGURES))


def csv_bytes(found: Insights) -> bytes:
    """Every protected figure of 13 weeks, one row each: week, figure, what it serves, value."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["week", "figure", "serves", "value", "members"])
    for week in found.weeks:
        for key, figure in week.figures.items():
            value = wording.FEWER_THAN_5 if figure.value is None else str(figure.value)
            serves = wording.SERVES.get(figure.serves, figure.serves)
            writer.writerow([week.label, wording.FIGURES[key], serves, value, week.members])
    return out.getvalue().encode("utf-8")


class Leadership(Leads):
    """The console, plus the weekly digest, figures on request and the 12-week review."""

    def run(self) -> int:
        """Each lead's digest at their first free moment of the week; reviews that are due;
        each practice's rant retention. Runs as the `leads-digest` job: running it again in
        the same week sends nothing more. Returns how many files were queued."""
        self.keep_rants()
        now = self.clock.now()
        practices, _ = self.open_practices(now)
        queued = 0
        for practice in practices:
            with self.uow() as tx:
                queued += self._digests(tx, practice)
                queued += self._review_due(tx, practice)
        return queued

    def _digests(self, tx: LeadsTx, practice: Practice) -> int:
        now = self.clock.now()
        _, week = week_of(now, practice.timezone)
        free = [
            lead
            for lead in tx.leads.list(practice.id)
            if tx.preferences.get(practice.id, lead).pattern.free_for_a_message(
                now, practice.timezone
            )
        ]
        if not free:
            return 0
        found = self.figures(tx, practice, now)
        message = self._chart(found, practice, week)
        return sum(
            self.outbox.send(
                tx,
                practice,
                lead,
                message,
                f"digest:{practice.id}:{lead}:{week}",
                kind=DeliveryKind.FILE,
            )
            for lead in free
        )

    def _chart(self, found: Insights, practice: Practice, week: str) -> Message:
        last = found.weeks[-2]  # the last whole week
        summary = wording.digest_summary(
            last.figures["active"].value, last.participation, last.figures["pt_yes"].value
        )
        picture = Attachment(
            f"coffee-room-{week}.png", wording.CHART_FILE_TITLE, chart.png(found, practice.name)
        )
        return Message(summary, file=picture)

    def send(self, caller: Caller, what: str) -> None:
        """A lead asks for the chart ('chart') or the figures ('csv'), privately, now."""
        self.practices.authorise(caller, f"insights.{what}")
        now = self.clock.now()
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            found = self.figures(tx, practice, now)
            _, week = week_of(now, practice.timezone)
            if what == "chart":
                message = self._chart(found, practice, week)
            else:
                data = csv_bytes(found)
                name = f"coffee-room-figures-{week}.csv"
                message = Message(
                    wording.CSV_FILE_TITLE, file=Attachment(name, wording.CSV_FILE_TITLE, data)
                )
            key = f"insights-{what}:{practice.id}:{caller.user}:{now.isoformat()}"
            self.outbox.send(tx, practice, caller.user, message, key, kind=DeliveryKind.FILE)

    # --- before and after -------------------------------------------------------------------
    def start_review(self, caller: Caller) -> str:
        """A lead starts a 12-week review: today's protected figures are its baseline."""
        self.practices.authorise(caller, "review.start")
        now = self.clock.now()
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            running = tx.reviews.current(practice.id)
            if running is not None and not running.reported:
                raise Refused(wording.review_running(running.ends_on))
            today = local_date(now, practice.timezone)
            baseline = _protected(self.figures(tx, practice, now))
            review = tx.reviews.start(practice.id, today, today + REVIEW_LENGTH, baseline, now)
            detail = {"review": review.id, "ends": review.ends_on.isoformat()}
            self._audit(tx, practice, caller.user, "review.started", detail)
        return wording.REVIEW_STARTED

    def _review_due(self, tx: LeadsTx, practice: Practice) -> int:
        today = local_date(self.clock.now(), practice.timezone)
        review = tx.reviews.current(practice.id)
        if review is None or review.reported or review.ends_on > today:
            return 0
        found = self.figures(tx, practice, self.clock.now())
        now_figures = _protected(found)
        lines = [
            wording.change_line(wording.FIGURES.get(k, k), review.baseline.get(k), now_figures[k])
            for k in ("active", "rants", "questions", "pt_yes", "checkins", "checkin_burnout")
        ]
        picture = Attachment(
            f"coffee-room-review-{review.id}.png",
            wording.REVIEW_TITLE,
            chart.png(found, practice.name),
        )
        message = Message(wording.review_report(lines), file=picture)
        sent = sum(
            self.outbox.send(
                tx, practice, lead, message, f"review:{review.id}:{lead}", kind=DeliveryKind.FILE
            )
            for lead in tx.leads.list(practice.id)
        )
        tx.reviews.reported(review.id, self.clock.now())
        return sent


def _protected(found: Insights) -> dict[str, int | None]:
    """The last whole week's figures, as a lead may see them (the baseline keeps no more)."""
    last = found.weeks[-2]
    return {key: last.figures[key].value for key in BASELINE_KEYS}
