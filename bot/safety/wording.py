"""What the guard and crisis signposting say."""

from __future__ import annotations

GUARD_LABELS = {
    "nhs_number": "an NHS number",
    "date_of_birth": "a date of birth",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
    "hospital_number": "a hospital number",
    "name_with_details": "a name with an age or address",
}


def guard_found(findings: list[tuple[str, str]]) -> str:
    """What the guard found, masked; nothing has been posted or kept."""
    items = ", ".join(f"{GUARD_LABELS.get(kind, kind)} ({preview})" for kind, preview in findings)
    return (
        f"This looks like it has patient details in it: {items}. Nothing has been posted or "
        "kept. I've replaced them with [removed] below: check it still reads right, or reword "
        "it, then send again."
    )


CRISIS_REPLY = (
    "Thank you for saying how things are. If it's more than a bad day, please talk to someone "
    "today. NHS Practitioner Health (confidential, for doctors): 0300 0303 300, or text PHP to "
    "85258. BMA wellbeing support, 24/7: 0330 123 1245. Samaritans, any time: 116 123. NHS 111 "
    "(choose the mental health option), or 999 in an emergency. Only you can see this message, "
    "and nobody else has been told."
)

EMPTY_TEXT = "There's nothing to send yet: write a few words first."


def too_long(length: int, limit: int) -> str:
    """When a post is longer than a chat message can hold."""
    return f"That's {length} characters; please keep it under {limit}."
