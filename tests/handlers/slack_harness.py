"""Drive the real Bolt app with signed requests, in process (app.dispatch)."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

from bot.app.assembly import Assembly
from bot.core.values import Platform
from tests.slack_requests import signed_headers


def dispatch(app: App, body: str, *, json_body: bool = False, **header_args: Any) -> BoltResponse:
    """Send one signed request through the app, exactly as the HTTP adapter would."""
    content_type = "application/json" if json_body else "application/x-www-form-urlencoded"
    headers = signed_headers(body, content_type=content_type, **header_args)
    return app.dispatch(BoltRequest(body=body, headers={k: [v] for k, v in headers.items()}))


def slack_app(assembly: Assembly) -> App:
    assert assembly.slack_app is not None
    return assembly.slack_app


def synced(assembly: Assembly) -> Assembly:
    """The practice learnt from the fake workspace, as `run` does at start-up."""
    assembly.services.practices.sync_roster(Platform.SLACK, assembly.slack_directory())
    return assembly


def body_json(response: BoltResponse) -> dict[str, Any]:
    return dict(json.loads(response.body)) if response.body else {}


def ready(assembly: Assembly) -> App:
    """A practice that has been set up: roster learnt, rant and advice channels chosen."""
    from bot.core.values import SpacePurpose
    from tests.fakes.slack_roster import ADMIN

    synced(assembly)
    assembly.services.practices.set_spaces(
        platform=Platform.SLACK,
        directory=assembly.slack_directory(),
        actor=ADMIN,
        channels={SpacePurpose.RANTS: "C0RANTS", SpacePurpose.ADVICE: "C0ADVICE"},
    )
    return slack_app(assembly)


ROSTER = ("practices", "members", "leads")


def every_value(assembly: Assembly, *, skip: tuple[str, ...] = ROSTER) -> str:
    """Every value in every table but the roster (which names everyone, by design), as one
    string, to search for traces of a person linked to a post."""
    from sqlalchemy import text

    from storage.tables import Base

    dump = []
    with assembly.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            for row in conn.execute(text(f'SELECT * FROM "{table.name}"')):
                dump.append(" ".join(str(v) for v in row))
    return "\n".join(dump)
