"""Every sentence of pooling the work."""

from __future__ import annotations

from bot.core.text import Text, channel, mention, quote, strong

TITLE = "Pool the work"

SUMMARY = "swamped? offer the tasks that could move, and colleagues take them"

INTRO = (
    "Swamped? Say which tasks could move and colleagues can take them with one tap. "
    "Describe the work, never the patient: no names, dates of birth or numbers."
)

TASKS_LABEL = "Which tasks could move?"

TASK_LABELS = {
    "results": "Results",
    "letters": "Letters or admin",
    "callbacks": "Callbacks",
    "home_visit": "A home visit",
    "prescriptions": "Prescriptions",
    "other": "Something else",
}

NOUNS = {  # (one, several)
    "results": ("result to review", "results to review"),
    "letters": ("letter or admin task", "letters or admin tasks"),
    "callbacks": ("callback", "callbacks"),
    "home_visit": ("home visit", "home visits"),
    "prescriptions": ("prescription to sign", "prescriptions to sign"),
    "other": ("other task", "other tasks"),
}

HOW_MANY_LABEL = "How many of each?"

HOW_MANY = {"1": "1", "2": "2", "3": "3", "5": "About 5", "10": "About 10"}

DUE_LABEL = "By when?"

DUES = {
    "hour": "Within the hour",
    "session": "By the end of this session",
    "today": "By the end of today",
    "tomorrow": "By tomorrow",
}

TO_LABEL = "Who should see it?"

DESTINATIONS = {
    "free_first": "Colleagues free now (the practice's channel if nobody is)",
    "space": "The practice's channel",
}

NOTE_LABEL = "Anything colleagues should know? (optional)"

PICK_A_TASK = "Pick at least one kind of task that could move."

TAKE = "I'll take it"

THANK = "Thank them"

WITHDRAW = "Withdraw what's left"

REQUEST_NOTE = "The first to tap gets each task; the asker sees who took what."


def task_words(kind: str, how_many: int) -> str:
    """'3 results to review', '1 home visit'."""
    one, several = NOUNS[kind]
    return f"{how_many} {one if how_many == 1 else several}"


def request_heading(asker: str, due: str, *, free: bool) -> Text:
    lead = "You're marked as free, so you're among the first to see this. " if free else ""
    return Text(lead, mention(asker), " is swamped and could use a hand, ", DUES[due].lower(), ":")


def request_text(asker: str, due: str, note: str, tasks: list[str], *, free: bool) -> Text:
    lines: list[Text | str] = [request_heading(asker, due, free=free)]
    if note:
        lines += ["\n", Text(quote(note))]
    for task in tasks:
        lines += ["\n", Text("- ", strong(task))]
    return Text(*lines)


def take_label(task: str) -> str:
    return f"{TAKE}: {task}"


def receipt(where: str, reached: int, *, fell_back: bool) -> Text:
    """The asker's private receipt, above 'Withdraw what's left'."""
    if reached:
        went = Text(
            f"Your request went to {reached} colleague{'s' if reached > 1 else ''} free now."
        )
    else:
        went = Text("Your request is in ", channel(where), ".")
    sorry = (
        "Nobody is marked as free just now, so it went to the practice's channel. "
        if fell_back
        else ""
    )
    return Text(sorry, went, " I'll tell you here as colleagues take tasks.")


def pooled(where: str, reached: int, *, fell_back: bool) -> Text:
    """The confirmation after sending."""
    return receipt(where, reached, fell_back=fell_back)


def claimed_for_asker(claimer: str, task: str) -> Text:
    return Text(mention(claimer), " took ", strong(task), ". One less thing.")


def claimed_for_claimer(asker: str, task: str, due: str) -> Text:
    return Text(
        "It's yours: ",
        strong(task),
        " for ",
        mention(asker),
        f", {DUES[due].lower()}. Thank you for pooling in.",
    )


def got_there_first(claimer: str) -> Text:
    return Text(
        mention(claimer),
        " has just taken that one. Thank you for offering: there may be another task "
        "in the same request.",
    )


ALREADY_YOURS = "You've already taken that one: thank you."

OWN_TASK = "That's your own request: colleagues will take its tasks."

GONE = "That request has been withdrawn, so there's nothing to take."


def thanked(asker: str, task: str) -> Text:
    return Text(mention(asker), " says thank you for taking ", strong(task), ".")


THANKS_SENT = "Thanks passed on."

ONLY_ASKER = "Only the colleague who asked can do that."

NOT_TAKEN_YET = "Nobody has taken that one yet."


def withdrawn(count: int) -> str:
    if not count:
        return "Nothing left to withdraw: every task has been taken (or withdrawn already)."
    tasks = f"{count} task{'s' if count > 1 else ''}"
    return f"Withdrawn: the {tasks} nobody had taken. Anything already taken stays taken."
