"""What only Teams needs said: where Coffee Room is found, and which team a chat is for.

Kept beside the adapter because no other platform has these situations (everything else
Coffee Room says comes from bot/'s wording modules, the same on every surface).
"""

from __future__ import annotations

NOT_IN_A_TEAM = (
    "Coffee Room is not in any team you belong to yet. Ask your practice lead to add it to "
    "your practice's team (the README says how), then say hello here again."
)
WHICH_TEAM = "You are in more than one team that uses Coffee Room. Which practice is this chat for?"
TEAM_LABEL = "Practice (team)"
TEAM_CHOSEN = "This chat is now for {name}. Type help to see what you can do, or home."
TEAM_WELCOME = (
    "Hello, I'm Coffee Room: informal peer support for this practice (not a clinical tool, and "
    "not a crisis service). Open a chat with me to rant, run something past colleagues, or see "
    "your home. Whoever added me is the first lead, and can choose the channels I post in."
)
PERSONAL_WELCOME = "Hello, I'm Coffee Room. Type help to see what you can do, or home."
CANNOT_CREATE = (
    "Teams does not let Coffee Room create channels. Create channels called coffee-room and "
    "run-it-past in your team (or choose existing ones under Spaces), then try again."
)
CHOOSE = "Choose"
COFFEE_ROOM = "Coffee Room"
UNREACHABLE = (
    "{count} member{s} of this team cannot get private messages from Coffee Room yet (Teams "
    "allows them only once the app is open for a person): ask them to open Coffee Room once."
)
ALREADY_SENT = "Done: this was sent already (Teams asked twice)."
