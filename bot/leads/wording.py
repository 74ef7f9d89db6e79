"""Every sentence the leads' console and the data-rights pages say, in UK English."""

from __future__ import annotations

from datetime import date, datetime

from bot.core.text import Text, mention, strong

# --- who leads -----------------------------------------------------------------------------
LEADS_TITLE = "The leads"
LEADS_INTRO = (
    "Leads set Coffee Room up for the practice and see only totals, never a person. There is "
    "always at least one lead."
)
ADD_LEAD = "Add a lead"
REMOVE = "Remove"
LEAD_FORM_TITLE = "Add a lead"
LEAD_FORM_PERSON = "Who should also lead Coffee Room here?"
LEAD_SUMMARY = "add or remove a lead (leads only)"
NOT_A_MEMBER_HERE = "That person isn't a member of the practice that Coffee Room knows of."
ALREADY_A_LEAD = "They already lead Coffee Room here."
NOT_A_LEAD_NOW = "They aren't one of the leads."
LAST_LEAD = (
    "You can't remove the last lead: add someone else first, so the practice always has one."
)


def lead_added(user: str) -> Text:
    return Text(mention(user), " now leads Coffee Room here, and has been told.")


def lead_removed(user: str) -> Text:
    return Text(mention(user), " no longer leads Coffee Room here.")


def you_lead_now(by: str) -> Text:
    return Text(
        mention(by),
        " has made you one of Coffee Room's leads. Its Home shows the console: protected time, "
        "the shared spaces, the practice's settings and the totals (never a person).",
    )


# --- settings ------------------------------------------------------------------------------
SETTINGS_TITLE = "The practice's settings"
RANT_DAYS_LABEL = "Shared rants stay in the space for"
RANT_DAYS = {"1": "1 day", "3": "3 days", "7": "7 days (the most)"}
ANONYMOUS_LABELS = {
    "rants": "Anonymous rants in the rant space",
    "advice": "Anonymous questions and answers in the advice space",
}
ALLOWED = {"yes": "Allowed", "no": "Not allowed"}
SETTING_SAVED = "Saved. The change is in the audit log."
ANONYMOUS_OFF = (
    "The practice's leads have turned off anonymous posting in this space. You can post as "
    "yourself, send it to one colleague, or just let it out."
)
# --- nudges and check-ins for the practice --------------------------------------------------
WEEK_LABEL = "Nudges and check-ins, for everyone who hasn't chosen their own"
WEEK_CHANGE = "Change these"
WEEK_FORM_TITLE = "Nudges and check-ins"
WEEK_FORM_INTRO = (
    "The practice's defaults, for everyone who hasn't chosen their own. Anyone who has keeps "
    "their choice, and everyone can still change theirs."
)
WEEK_NUDGES = "The weekly nudge"
WEEK_CHECKINS = "The weekly check-in"
WEEK_DAY = "From which day"
WEEK_HOUR = "From what time"
ON_OFF = {"on": "On", "off": "Off"}
WEEK_DAYS = {"0": "Monday", "1": "Tuesday", "2": "Wednesday", "3": "Thursday", "4": "Friday"}
WEEK_HOURS = {str(h): f"{h}:00" for h in range(10, 18)}
WEEK_SAVED = (
    "Saved. Everyone who hasn't chosen their own settings gets these from now on; the change is "
    "in the audit log."
)
BAD_DEFAULT_DAY = "Please choose a weekday, Monday to Friday."
BAD_DEFAULT_HOUR = "Please choose a time between 10:00 and 17:00, when messages can land."


def week_defaults_line(nudges_on: bool, checkins_on: bool, weekday: int, hour: int) -> str:
    nudges = "on" if nudges_on else "off"
    checkins = "on" if checkins_on else "off (each GP can opt in)"
    day = WEEK_DAYS.get(str(weekday), "Monday")
    return (
        f"Weekly nudge {nudges}; check-in {checkins}. From {day} at {hour}:00, at each "
        "person's first free moment after that."
    )


CLOSURES_TITLE = "Closures and protected-learning afternoons ahead"
NO_CLOSURES = "None ahead."
CLOSURE_REMOVED = "Removed: protected time and nudges go ahead that day again."
NO_SUCH_CLOSURE = "That closure has already gone."


def closure_line(day: date, part: str, reason: str) -> str:
    parts = {"all": "all day", "am": "morning", "pm": "afternoon"}
    why = {"closed": "closed", "plt": "protected learning"}
    return f"{day:%a %d %b %Y}, {parts.get(part, part)}: {why.get(reason, reason)}"


# --- the audit log -------------------------------------------------------------------------
AUDIT_TITLE = "Recent changes"
AUDIT_EMPTY = "No changes yet."
AUDIT_MORE = "Show the last 50 changes"
SOMEONE = "Someone who is not a lead"
FORMER_MEMBER = "A former member"
COFFEE_ROOM = "Coffee Room"


def audit_line(at: datetime, who: Text, action: str, refused: bool) -> Text:
    what = action.replace(".", " ").replace("_", " ")
    verb = " tried to " if refused else ": "
    return Text(f"{at:%d %b %H:%M} ", who, verb, what, " (refused)" if refused else "")


# --- insights ------------------------------------------------------------------------------
INSIGHTS_TITLE = "How peer support is going"
INSIGHTS_INTRO = (
    "Totals for this week. A number that rests on fewer than 5 people shows as fewer than 5, "
    "and every number is rounded to the nearest 5, so no one can be picked out, even by "
    "subtracting one number from another."
)
FEWER_THAN_5 = "fewer than 5"
FIGURES = {
    "active": "People who took part",
    "rants": "Rants shared",
    "questions": "Questions run past colleagues",
    "answers": "Answers given",
    "pools": "Requests to pool the work",
    "tasks": "Pooled tasks taken",
    "mentoring": "People starting mentoring",
    "pairs": "People who met for coffee",
    "pt_yes": "Took their protected time",
    "pt_partly": "Took some of it",
    "pt_no": "Didn't get to take it",
    "checkins": "People who answered the check-in",
    "checkin_fine": "Check-in: enjoying work or stressed, not burnt out (answers 1 and 2)",
    "checkin_burnout": "Check-in: some signs of burnout (answers 3 to 5)",
}
SERVES = {
    "emotional_support": "emotional support",
    "professional_advice": "professional advice",
    "sharing_workload": "sharing workload",
    "mentorship": "mentorship",
    "approachability": "approachability",
    "self_perception": "self-perception",
    "relatability": "relatability",
    "familiarity": "familiarity",
    "camaraderie": "culture of camaraderie",
    "shared_space": "shared space",
    "psychological_safety": "psychological safety",
    "protected_time": "protected time",
    "leadership": "leadership",
    "job_demands": "job demands",
    "siloes": "siloes",
    "hierarchy": "hierarchy",
}
ADDRESSING = "Addressing now (5 or more people took part in the last 4 weeks): "
NOT_YET = "Not yet: "
NONE = "none yet"
SEND_CHART = "Send me the 12-week chart"
SEND_CSV = "Send me the figures (CSV)"
INSIGHTS_SUMMARY = "this week's totals, and the study's moderators you are addressing (leads only)"


def figure_line(label: str, value: int | None, serves: str, share: int | None = None) -> Text:
    shown = FEWER_THAN_5 if value is None else f"about {value}"
    extra = f" (about {share}% of members)" if share is not None else ""
    return Text(f"{label}: ", strong(shown), extra, f". Serves {SERVES.get(serves, serves)}.")


def moderators_line(names: list[str], *, addressing: bool) -> str:
    words = ", ".join(SERVES[n] for n in names) if names else NONE
    return (ADDRESSING if addressing else NOT_YET) + words


# --- digest and review ---------------------------------------------------------------------
CHART_TITLE = "Coffee Room: the last 12 weeks"
CHART_PEOPLE = "People taking part (about)"
CHART_SUPPORT = "Support by kind (about)"
CHART_GAPS = "A gap means fewer than 5 people: not shown, to protect them."
CHART_FILE_TITLE = "Coffee Room: the last 12 weeks"
CSV_FILE_TITLE = "Coffee Room's figures (protected totals)"
FILE_ON_ITS_WAY = "On its way to you, privately."


def digest_summary(active: int | None, share: int | None, pt_yes: int | None) -> Text:
    people = FEWER_THAN_5 if active is None else f"about {active}"
    pct = f" (about {share}% of members)" if share is not None else ""
    took = FEWER_THAN_5 if pt_yes is None else f"about {pt_yes}"
    return Text(
        strong("Your weekly Coffee Room digest. "),
        f"This week {people} people took part{pct}; {took} took their protected time.\n",
        "The chart shows the last 12 weeks; numbers under 5 are left out to protect people.",
    )


REVIEW_TITLE = "Before and after: a 12-week review"
REVIEW_START = "Start a 12-week review"
REVIEW_INTRO = (
    "Records today's totals as a baseline (totals only, protected like every figure here) and, "
    "in 12 weeks, sends the leads a short report with the chart and the change, for the "
    "practice's own quality-improvement cycle."
)
REVIEW_STARTED = "Started. The baseline is recorded; the report comes in 12 weeks."
REVIEW_RUNNING = "A review is running."
REVIEW_SUMMARY = "review, start a 12-week before-and-after review (leads only)"


def review_running(ends: date) -> str:
    return f"A 12-week review is running; its report comes on {ends:%a %d %b %Y}."


def review_report(lines: list[str]) -> Text:
    return Text(
        strong("Your 12-week Coffee Room review. "),
        "Then and now, as protected totals:\n",
        *(Text("- ", line, "\n") for line in lines),
    )


def change_line(label: str, then: int | None, now: int | None) -> str:
    def said(v: int | None) -> str:
        return FEWER_THAN_5 if v is None else f"about {v}"

    return f"{label}: {said(then)} then, {said(now)} now"


def which_practice(names: list[str]) -> str:
    """The operator's leads command, in a workspace of several practices."""
    return (
        f"This workspace has {len(names)} practices: {', '.join(names)}. "
        f'Say which with --practice, for example: --practice "{names[0]}"'
    )


def no_practice_named(named: str, names: list[str]) -> str:
    return f"No practice here is called {named!r}. The practices are: {', '.join(names)}."
