"""The practice's week on Slack: protected time, nudges, check-ins, and each GP's own settings."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.checkins import wording as checkins_words
from bot.core import wording as core_words
from bot.core.calendar import Region
from bot.core.errors import Refused
from bot.core.message import Action
from bot.core.text import Words
from bot.core.values import Platform, Role
from bot.core.week import DayPart, SlotKind
from bot.preferences import wording as preferences_words
from bot.protected_time import wording as protected_time_words
from bot.protected_time.service import ANSWERS, SlotRequest
from handlers.slack import forms, week_blocks
from handlers.slack.directory import SlackDirectory, for_request
from handlers.slack.home import Change, on_home, republish
from handlers.slack.ids import ActionId, Block, View
from handlers.slack.interactions import submit, tap

SLACK = Platform.SLACK
METADATA = "_metadata"  # where a form's private_metadata joins its answers
Input = dict[str, Any]  # a tapped or picked action, or a form's answers
Run = Callable[[Services, SlackDirectory, str, Input], Words]
Build = Callable[[Services, SlackDirectory, str, Input], forms.Modal]


def register(app: App, services: Services) -> None:
    """Wire the week's listeners to the services."""
    for action, run in TAPS.items():
        app.action(repeatable(action))(tap(partial(run, services)))
    for action_id, run in HOME_CONTROLS.items():
        app.action(action_id)(on_home(services, partial(run, services)))
    for action_or_id, build in OPENERS.items():
        pattern = repeatable(action_or_id) if isinstance(action_or_id, Action) else action_or_id
        app.action(pattern)(opens(partial(build, services)))
    for view, (title, run) in FORMS.items():
        app.view(view)(form(services, title, partial(run, services), home=view in HOME_FORMS))


def repeatable(action: Action) -> re.Pattern[str]:
    """A domain action's Slack ids: a repeated button in one message carries '#<index>'."""
    return re.compile(rf"^{re.escape(str(action))}(#\d+)?$")


# --- Buttons under the messages the domain sends -----------------------------------------------
def _took_part(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    answer = Action(str(action["action_id"]).split("#")[0])
    value = str(action.get("value", ""))
    return services.protected_time.answer(
        platform=SLACK, directory=found, user=user, action=answer, value=value
    )


def _snooze(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    weeks = _number(action.get("value"), "")
    return services.preferences.snooze(platform=SLACK, directory=found, user=user, weeks=weeks)


def _nudges_off(services: Services, found: SlackDirectory, user: str, _: Input) -> Words:
    return services.preferences.nudges_off(platform=SLACK, directory=found, user=user)


def _score(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    value = str(action.get("value", ""))
    return services.checkins.answer(platform=SLACK, directory=found, user=user, value=value)


def _match(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    checkin = _number(action.get("value"), "")
    return services.checkins.ask_colleague(
        platform=SLACK, directory=found, user=user, checkin_id=checkin
    )


def _no_thanks(_services: Services, _found: SlackDirectory, _user: str, _: Input) -> Words:
    return checkins_words.CHECKIN_NO_REPLY


def _choose(services: Services, found: SlackDirectory, user: str, answers: Input) -> Words:
    return services.checkins.ask_colleague(
        platform=SLACK,
        directory=found,
        user=user,
        checkin_id=_number(answers[METADATA].get("checkin"), Block.COLLEAGUE),
        colleague=str(answers.get(Block.COLLEAGUE) or ""),
    )


# --- Your settings, on the Home tab ----------------------------------------------------------
def _change(
    services: Services, found: SlackDirectory, user: str, said: str, **changes: object
) -> Words:
    services.preferences.change(platform=SLACK, directory=found, user=user, **changes)
    return said


def _role(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    role = Role(_picked(action, set(Role)))
    services.preferences.set_role(platform=SLACK, directory=found, user=user, role=role)
    return preferences_words.role_saved(
        preferences_words.ROLE_LABELS.get(role, preferences_words.ROLE_NOT_SET)
    )


def _pause(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    until = _date(action.get("selected_date"), "")
    return _change(services, found, user, preferences_words.paused(until), paused_until=until)


def _resume(services: Services, found: SlackDirectory, user: str, _: Input) -> Words:
    return _change(services, found, user, preferences_words.RESUMED, paused_until=None)


def _clear_leave(services: Services, found: SlackDirectory, user: str, _: Input) -> Words:
    return services.preferences.clear_leave(platform=SLACK, directory=found, user=user)


def _nudges(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    on = action.get("value") == "on"
    said = preferences_words.NUDGES_NOW_ON if on else preferences_words.NUDGES_NOW_OFF
    return _change(services, found, user, said, nudges_on=on)


def _checkins(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    on = action.get("value") == "on"
    said = preferences_words.CHECKINS_NOW_ON if on else preferences_words.CHECKINS_NOW_OFF
    return _change(services, found, user, said, checkins_on=on)


def _week(services: Services, found: SlackDirectory, user: str, answers: Input) -> Words:
    sessions = week_blocks.sessions_text(answers)
    quiet = (
        _clock(answers.get(Block.QUIET_FROM), Block.QUIET_FROM),
        _clock(answers.get(Block.QUIET_TO), Block.QUIET_TO),
    )
    prefs = services.preferences.change(
        platform=SLACK, directory=found, user=user, sessions=sessions, quiet=quiet
    )
    return preferences_words.week_saved(prefs.pattern.sessions)


def _leave(services: Services, found: SlackDirectory, user: str, answers: Input) -> Words:
    starts = _date(answers.get(Block.STARTS), Block.STARTS)
    ends = _date(answers.get(Block.ENDS), Block.ENDS)
    services.preferences.add_leave(
        platform=SLACK, directory=found, user=user, starts=starts, ends=ends
    )
    return preferences_words.leave_saved(starts, ends)


# --- Protected time, for leads (the service refuses everyone else) ----------------------------
def _remove_slot(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    slot_id = _number(action.get("value"), "")
    services.protected_time.remove_slot(
        platform=SLACK, directory=found, actor=user, slot_id=slot_id
    )
    return protected_time_words.SLOT_REMOVED


def _region(services: Services, found: SlackDirectory, user: str, action: Input) -> Words:
    region = Region(_picked(action, set(Region)))
    services.protected_time.set_region(platform=SLACK, directory=found, actor=user, region=region)
    return protected_time_words.REGION_SAVED.format(region=protected_time_words.REGIONS[region])


def _slot(services: Services, found: SlackDirectory, user: str, answers: Input) -> Words:
    first = answers.get(Block.SLOT_FIRST)
    request = SlotRequest(
        weekday=_number(answers.get(Block.SLOT_DAY), Block.SLOT_DAY),
        start=_clock(answers.get(Block.SLOT_START), Block.SLOT_START),
        minutes=_number(answers.get(Block.SLOT_LENGTH), Block.SLOT_LENGTH),
        every_weeks=_number(answers.get(Block.SLOT_REPEAT), Block.SLOT_REPEAT),
        channel=str(answers.get(Block.SLOT_CHANNEL) or ""),
        kind=SlotKind(_one_of(answers.get(Block.SLOT_KIND), set(SlotKind), Block.SLOT_KIND)),
        first_week=_date(first, Block.SLOT_FIRST) if first else None,
    )
    slot, starts = services.protected_time.add_slot(
        platform=SLACK, directory=found, actor=user, request=request
    )
    line = protected_time_words.slot_line(
        slot.kind, slot.weekday, slot.start, slot.minutes, slot.every_weeks, slot.channel_name
    )
    return protected_time_words.slot_saved(line, starts)


def _closure(services: Services, found: SlackDirectory, user: str, answers: Input) -> Words:
    services.protected_time.add_closure(
        platform=SLACK,
        directory=found,
        actor=user,
        closure_day=_date(answers.get(Block.CLOSURE_DAY), Block.CLOSURE_DAY),
        part=DayPart(_one_of(answers.get(Block.CLOSURE_PART), set(DayPart), Block.CLOSURE_PART)),
        reason=_one_of(
            answers.get(Block.CLOSURE_REASON),
            set(protected_time_words.CLOSURE_REASONS),
            Block.CLOSURE_REASON,
        ),
    )
    return protected_time_words.CLOSURE_SAVED


# --- Forms opened by a button ----------------------------------------------------------------
def _week_form(services: Services, found: SlackDirectory, user: str, _: Input) -> forms.Modal:
    prefs = services.preferences.get(platform=SLACK, directory=found, user=user)
    return week_blocks.week_modal(prefs)


def _colleague_form(
    _services: Services, _found: SlackDirectory, _user: str, a: Input
) -> forms.Modal:
    return week_blocks.colleague_modal(str(a.get("value", "")))


TAPS: dict[Action, Run] = {
    **dict.fromkeys(ANSWERS, _took_part),
    Action.NUDGE_SNOOZE: _snooze,
    Action.NUDGE_OFF: _nudges_off,
    Action.CHECKIN_SCORE: _score,
    Action.CHECKIN_MATCH: _match,
    Action.CHECKIN_NO: _no_thanks,
}
HOME_CONTROLS: dict[ActionId, Run] = {
    ActionId.ROLE: _role,
    ActionId.PAUSE: _pause,
    ActionId.RESUME: _resume,
    ActionId.CLEAR_LEAVE: _clear_leave,
    ActionId.NUDGES: _nudges,
    ActionId.CHECKINS: _checkins,
    ActionId.REMOVE_SLOT: _remove_slot,
    ActionId.REGION: _region,
}
OPENERS: dict[Action | ActionId, Build] = {
    Action.CHECKIN_CHOOSE: _colleague_form,
    ActionId.CHANGE_WEEK: _week_form,
    ActionId.ADD_LEAVE: lambda *_: week_blocks.leave_modal(),
    ActionId.ADD_SLOT: lambda *_: week_blocks.slot_modal(),
    ActionId.ADD_CLOSURE: lambda *_: week_blocks.closure_modal(),
}
FORMS: dict[View, tuple[str, Run]] = {
    View.WEEK: (preferences_words.WEEK_FORM_TITLE, _week),
    View.LEAVE: (preferences_words.LEAVE_FORM_TITLE, _leave),
    View.SLOT: (protected_time_words.SLOT_FORM_TITLE, _slot),
    View.CLOSURE: (protected_time_words.CLOSURE_FORM_TITLE, _closure),
    View.CHECKIN_COLLEAGUE: (checkins_words.CHOOSE_TITLE, _choose),
}
HOME_FORMS = {View.WEEK, View.LEAVE, View.SLOT, View.CLOSURE}  # their changes show on the Home


# --- Reading what was picked (a bad value is refused under its field, changing nothing) ---------
def _number(value: Any, block: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise Refused(
            protected_time_words.BAD_SLOT if block else core_words.BAD_CHOICE, field=block
        ) from exc


def _clock(value: Any, block: str) -> time:
    try:
        return time.fromisoformat(str(value or ""))
    except ValueError as exc:
        raise Refused(core_words.BAD_TIME, field=block) from exc


def _date(value: Any, block: str) -> date:
    try:
        return date.fromisoformat(str(value or ""))
    except ValueError as exc:
        raise Refused(core_words.BAD_DATE, field=block) from exc


def _one_of(value: Any, allowed: set[str], block: str) -> str:
    if value not in allowed:
        raise Refused(core_words.BAD_CHOICE, field=block)
    return str(value)


def _picked(action: Input, allowed: set[str]) -> str:
    return _one_of((action.get("selected_option") or {}).get("value"), allowed, "")


# --- Two shapes: a button that opens a form, and the form submitted -----------------------------
def opens(build: Callable[[SlackDirectory, str, Input], forms.Modal]) -> Callable[..., None]:
    """A button that opens a form."""

    def listener(ack: Ack, body: dict[str, Any], action: Input, client: WebClient) -> None:
        ack()
        modal = build(for_request(client, body), body["user"]["id"], action)
        client.views_open(trigger_id=body["trigger_id"], view=modal)

    return listener


def form(services: Services, title: str, change: Change, home: bool) -> Callable[..., None]:
    """A submitted form: the service decides; a refusal shows under its field (or the first)."""

    def listener(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user, found = body["user"]["id"], for_request(client, body)
        fields = week_blocks.input_blocks(view)

        def run(answers: Input) -> forms.Modal:
            try:
                said = change(found, user, {**answers, METADATA: forms.metadata(view)})
            except Refused as refusal:
                if refusal.field in fields or not fields:
                    raise
                raise Refused(refusal.text, field=fields[0]) from refusal
            if home:
                republish(services, client, found, user, said)
            return forms.done_modal(title, said)

        submit(ack, view, rebuild=lambda *_: week_blocks.as_opened(view), run=run)

    return listener
