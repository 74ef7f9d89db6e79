"""What the data-rights pages say, in UK English."""

from __future__ import annotations

from bot.core.text import Text, strong

TITLE = "Your data"
INTRO = (
    "See everything Coffee Room holds about you, have it sent to you as a file, or delete it. "
    "Leads never see any of it."
)
SHOW = "What Coffee Room holds about me"
EXPORT = "Send it to me (JSON)"
DELETE = "Delete my data"
MY_DATA_SUMMARY = "see, export or delete what Coffee Room holds about you"
EXPORT_TITLE = "Everything Coffee Room holds about you"
EXPORT_ABOUT = (
    "Everything Coffee Room holds about you in this practice. Anyone else in these records is "
    "shown as 'someone else'. Your words are never kept, so none are here."
)
EXPORT_SENT_WITH = "Here is everything Coffee Room holds about you, as you asked."
EXPORT_QUEUED = "On its way to you, privately, as a file."
POST_KINDS = {"rants": "rant", "questions": "question", "answers": "answer"}
CONFIRM_TITLE = "Delete your data?"
CONFIRM_INTRO = Text(
    strong("This cannot be undone. "),
    "Your settings, leave, check-in history, mentoring profile, pairing and everything else "
    "Coffee Room holds about you will be removed. What stays: your bare membership (so the "
    "bot can still reach you if you use it again) and the practice's totals, in which you can "
    "no longer be found. Anonymous posts of yours can no longer be linked to you.",
)
CONFIRM_LABEL = "Delete everything Coffee Room holds about me"
CONFIRM_YES = {"yes": "Yes, delete it", "no": "No, keep it"}
DELETED = "Done: what Coffee Room held about you has gone. Only your bare membership remains."
NOT_DELETED = "Nothing was deleted."
LAST_LEAD_FIRST = (
    "You're the practice's only lead: make someone else a lead first, so the practice always "
    "has one; then you can delete your data."
)
NOTHING_HELD = "Coffee Room holds nothing about you beyond your membership."
TABLES = {
    "members": "your membership",
    "leads": "you lead Coffee Room here",
    "contacts": "colleagues you've helped or been helped by",
    "audit_log": "changes you made to settings",
    "outbox": "messages to you waiting or recently sent",
    "rants": "rants you shared (not their words)",
    "questions": "questions you asked (not their words)",
    "answers": "answers you gave (not their words)",
    "slot_answers": "your answers about protected time",
    "preferences": "your settings and working pattern",
    "leave": "your leave",
    "checkins": "your check-ins and answers",
    "nudges": "weekly nudges you were sent",
    "free_now": "when you said you were free",
    "pools": "times you asked to pool the work",
    "pool_tasks": "pooled tasks you took",
    "mentor_profiles": "your mentoring profile",
    "mentor_matches": "mentoring matches",
    "pairing_members": "your coffee pairing opt-in",
    "pairing_places": "coffee pairings you were in",
    "pairing_skips": "coffee pairing rounds you skipped",
    "welcomes": "your welcome and buddy",
}


def held_line(table: str, rows: int) -> str:
    return f"{TABLES.get(table, table)}: {rows} record{'s' if rows != 1 else ''}"


def anonymous_line(posts: int) -> str:
    return (
        f"anonymous posts still linked to you (until they expire): {posts}"
        if posts
        else "no anonymous posts still linked to you"
    )
