"""Installing in a team: the practice begins with the team's members, led by the installer."""

from __future__ import annotations

from bot.core.values import Platform
from tests.fakes.teams_connector import FakeConnector
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import TeamsBot, fake_connector, teams_bot

__all__ = ["fake_connector", "teams_bot"]


def test_install_learns_the_paged_roster_seeds_the_installer_as_lead_and_welcomes_once(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.post(act.installed_in_team(fake_connector.url))
    teams_bot.post(act.bot_added_to_team(fake_connector.url))  # Teams says it twice

    paged = [c for c in fake_connector.calls if c.path.endswith("/pagedmembers")]
    assert len(paged) == 2  # four members, two a page: the continuation token was followed
    welcomes = [c for c in fake_connector.posts() if c.conversation == act.TEAM]
    assert len(welcomes) == 1
    assert "Coffee Room" in welcomes[0].body["text"]
    assert welcomes[0].path.startswith("/uk/v3/")  # the regional service URL kept whole
    with teams_bot.assembly.services.outbox.uow() as tx:
        practice = tx.practices.by_workspace(Platform.TEAMS, act.TEAM)
        assert practice is not None and practice.name == "Riverside Surgery"
        members = {m.user_id: m for m in tx.members.active(practice.id)}
        assert set(members) == {act.aad(m) for m in act.ROSTER}
        assert members[act.aad(act.LOCUM)].guest
        assert tx.leads.list(practice.id) == (act.aad(act.LEAD),)


def test_a_retried_install_or_message_is_handled_once(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.install()
    hello = act.message(fake_connector.url, act.GP, "help")
    teams_bot.post(hello)
    teams_bot.post(hello)  # Teams retried: the same activity id
    answers = [c for c in fake_connector.posts() if c.conversation.startswith("a:1chat")]
    assert len(answers) == 1
    assert "rant" in answers[0].body["text"]
