"""What a practice's people read about setting up, leads and shared spaces."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.text import Text, channel, joined, mention

SETUP_TITLE = "Let's set up Coffee Room"

SETUP_INTRO = (
    "Pick (or create) two channels: one where colleagues can rant, and one for running "
    "questions past each other. I'll join them. You can change them later here."
)

SETUP_RANTS_LABEL = "Channel for rants"

SETUP_ADVICE_LABEL = "Channel for questions"

SETUP_CREATE = "Create #coffee-room and #run-it-past for me"

SETUP_SAVE = "Use these channels"

SETUP_NEEDS_BOTH = "Please choose a channel for rants and one for questions."


def spaces_saved(rants: str, advice: str) -> Text:
    """Confirmation after a lead picks the channels."""
    return Text("Saved. Rants go to ", channel(rants), " and questions to ", channel(advice), ".")


def home_spaces_line(rants: str | None, advice: str | None) -> Text:
    """Where things go, as shown on the home."""
    if not rants or not advice:
        return Text("The shared channels aren't chosen yet.")
    return Text("Rants go to ", channel(rants), "; questions go to ", channel(advice), ".")


def leads_line(leads: Sequence[str]) -> Text:
    """Who the practice leads are (by user id)."""
    if not leads:
        return Text("Practice leads: none yet")
    return Text("Practice leads: ", joined(", ", [mention(u) for u in leads]))


SETUP_CHOOSE = "Choose the channels"
HELP_SUMMARY = "what Coffee Room is, and what you can do"
SETUP_SUMMARY = "(leads) choose the channels for rants and questions"

# --- practices inside one workspace (a PCN) -------------------------------------------------
SPLIT_TITLE = "Practices in this workspace"

SPLIT_INTRO = (
    "A primary care network can share this workspace: each practice is the people in its own "
    "channel, with its own leads, channels, protected time, time zone and bank holidays. "
    "Someone in two practices' channels (a locum, say) belongs to both."
)

SPLIT_FIRST_NOTE = (
    "Before you confirm: {name} becomes the practice of the first channel you choose. It keeps "
    "everything it has now (its leads, channels, protected time and everyone's settings), and "
    "anyone not in that channel stops being one of its members. The new practice starts fresh."
)

SPLIT_ADD_NOTE = (
    "The new practice starts fresh: you and the channel's workspace owners and admins are its "
    "leads, and it chooses its own channels and protected time."
)

SPLIT_FIRST_LABEL = "Channel for {name} (it keeps everything it has now)"
SPLIT_CHANNEL_LABEL = "Channel for the new practice"
SPLIT_NAME_LABEL = "Name of the new practice (leave empty to use the channel's name)"
ZONE_LABEL = "Time zone"
ZONE_HINT = "A time zone name, such as Europe/London"
REGION_LABEL = "Whose bank holidays it keeps"
SPLIT_SUBMIT = "Make the practice"
SPLIT_BUTTON = "Split into practices"
ADD_BUTTON = "Add a practice"
SETTINGS_BUTTON = "Name, time zone and bank holidays"
SETTINGS_TITLE = "This practice"
SETTINGS_NAME_LABEL = "Practice name"

SPLIT_NOT_HERE = (
    "On Teams each team is already its own practice, so there is nothing to split: add Coffee "
    "Room to each practice's team instead."
)
PICK_REGION = "Please choose whose bank holidays the practice keeps."
PICK_A_CHANNEL = "Please choose the practice's channel."
SAME_CHANNEL = "Please choose two different channels: one for each practice."
CHANNEL_TAKEN = "That channel is already a practice's. Please choose another."
NAME_TAKEN = "Another practice in this workspace has that name. Please choose another."
NAME_TOO_LONG = "Please keep the name under 80 characters."
BAD_ZONE = "I don't know that time zone. Please use a name such as Europe/London or Europe/Dublin."
CANNOT_SEE_CHANNEL = (
    "I can't see who is in that channel. If it is private, please invite me to it first."
)
NOT_YOUR_PRACTICE = "You're not in that practice's channel, so you can't act for it."
SPLIT_SUMMARY = "(leads) split this workspace into practices, one per channel"
ACTING_SUMMARY = "choose which practice you're acting for (if you're in more than one)"
SETTINGS_SAVED = "Saved: {name}, in the {zone} time zone, keeping {region} bank holidays."


def split_done(name: str, members: int, zone: str) -> str:
    """After a lead makes a practice from a channel."""
    people = "person" if members == 1 else "people"
    return (
        f"Done: {name} is now a practice of its own, with {members} {people} from its channel, "
        f"in the {zone} time zone. Its leads can now choose its channels from its home."
    )


def acting_for(name: str, others: Sequence[str]) -> str:
    """Home, for someone in several practices."""
    return f"Acting for: {name}. You're also in {', '.join(others)}; choose below to switch."


def now_acting_for(name: str) -> str:
    return f"You're now acting for {name}. Your home shows its channels and settings."


def practice_line(name: str, zone: str, region: str) -> str:
    """A lead's home: this practice's own settings."""
    return f"This practice: {name}, in the {zone} time zone, keeping {region} bank holidays."


def act_for_label(name: str) -> str:
    return f"Act for {name}"


def choose_practice(names: Sequence[str]) -> str:
    """The answer to 'practice' with no name."""
    if len(names) < 2:
        return "You're in one practice here, so there is nothing to choose."
    listed = f"{', '.join(names[:-1])} and {names[-1]}"
    return f"You're in {listed}. Say which to act for, such as: practice {names[-1]}"


def keep_label(label: str, current: str) -> str:
    """A field that keeps what is there when left empty."""
    return f"{label} (leave empty to keep {current})"


def anothers_channel(practice: str) -> str:
    return (
        f"That channel is {practice}'s, so their members would read what is posted there. "
        "Please choose one of your practice's own."
    )
