"""Tests of the fake Slack Web API itself, driven through the real slack_sdk clients."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from tests.fakes import slack_roster as roster
from tests.fakes.slack_api import FakeSlack, default_roster
from tests.fakes.slack_roster import make_channel, make_user


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test-token", base_url=fake.url, retry_handlers=[])


def _http(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return dict(json.loads(resp.read()))


# -- encodings --------------------------------------------------------------------------------
def test_json_body_is_parsed(fake: FakeSlack, client: WebClient) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "Fancy a cuppa?"}}]
    client.chat_postMessage(channel="C0RANTS", text="Fancy a cuppa?", blocks=blocks)
    (call,) = fake.calls("chat.postMessage")
    assert call.http_method == "POST"
    assert call.headers["content-type"].startswith("application/json")
    assert call.body == {"channel": "C0RANTS", "text": "Fancy a cuppa?", "blocks": blocks}
    assert call.token == "xoxb-test-token"
    assert call.headers["authorization"] == "Bearer xoxb-test-token"
    assert not call.faulted


def test_form_body_is_parsed_unlisted_and_json_values_decoded(
    fake: FakeSlack, client: WebClient
) -> None:
    client.conversations_open(users="U0PARTNER")
    (call,) = fake.calls("conversations.open")
    assert call.headers["content-type"] == "application/x-www-form-urlencoded"
    assert call.body == {"users": "U0PARTNER"}
    blocks = [{"type": "divider"}]
    params = {"channel": "C0RANTS", "text": "[x] done", "blocks": json.dumps(blocks)}
    client.api_call("chat.postMessage", params={**params, "unfurl_links": False})
    body = fake.calls("chat.postMessage")[0].body
    assert body["blocks"] == blocks  # JSON-looking form values are decoded...
    assert body["text"] == "[x] done"  # ...unless they are not actually JSON
    assert body["unfurl_links"] == "0"  # slack_sdk turns booleans into "0"/"1" in forms


def test_sync_webclient_sends_get_methods_as_form_posts(fake: FakeSlack, client: WebClient) -> None:
    user = client.users_info(user="U0LOCUM")["user"]
    assert user["is_restricted"] is True
    (call,) = fake.calls("users.info")
    assert (call.http_method, call.body) == ("POST", {"user": "U0LOCUM"})


def test_get_query_string_is_parsed(fake: FakeSlack) -> None:
    auth = {"Authorization": "Bearer xoxb-test-token"}
    answer = _http(fake.url + "users.info?user=U0ADMIN&include_locale=true", headers=auth)
    assert answer["ok"] is True
    assert answer["user"]["is_admin"] is True
    (call,) = fake.calls("users.info")
    assert call.http_method == "GET"
    assert call.body == {"user": "U0ADMIN", "include_locale": "true"}
    assert call.token == "xoxb-test-token"


def test_token_can_come_from_a_form_field(fake: FakeSlack) -> None:
    answer = _http(fake.url + "auth.test", data=b"token=xoxp-user-token")
    assert answer["ok"] is True
    assert answer["user_id"] == roster.PARTNER_OWNER  # a user token acts as the owner
    assert fake.calls("auth.test")[0].token == "xoxp-user-token"


# -- auth -------------------------------------------------------------------------------------
def test_auth_test_answers_like_slack(fake: FakeSlack, client: WebClient) -> None:
    resp = client.auth_test()
    assert resp["team_id"] == "T0001"
    assert resp["user_id"] == "U0BOT"
    assert resp["bot_id"] == "B0BOT"
    assert resp["is_enterprise_install"] is False
    assert "chat:write" in resp.headers["x-oauth-scopes"].split(",")


@pytest.mark.parametrize(
    ("token", "error"),
    [("", "not_authed"), ("nonsense", "invalid_auth"), ("xoxb-invalid", "invalid_auth")],
)
def test_bad_tokens_are_rejected(fake: FakeSlack, token: str, error: str) -> None:
    bad = WebClient(token=token or None, base_url=fake.url, retry_handlers=[])
    with pytest.raises(SlackApiError) as info:
        bad.auth_test()
    assert info.value.response["error"] == error


def test_app_level_token_only_opens_socket_connections(fake: FakeSlack, client: WebClient) -> None:
    app = WebClient(token="xapp-1-A0COFFEE-1-abc", base_url=fake.url)
    assert app.apps_connections_open(app_token="xapp-1-A0COFFEE-1-abc")["url"].startswith("ws://")
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        client.apps_connections_open(app_token="xoxb-test-token")
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        app.chat_postMessage(channel="C0RANTS", text="hi")


# -- users and DMs ----------------------------------------------------------------------------
def test_default_roster_covers_the_awkward_cases() -> None:
    users = {u["id"]: u for u in default_roster()}
    assert users[roster.PARTNER_OWNER]["is_primary_owner"] is True
    assert users[roster.ADMIN]["is_admin"] and not users[roster.ADMIN]["is_owner"]
    assert users[roster.LOCUM_GUEST]["is_restricted"] is True
    assert users[roster.DEACTIVATED]["deleted"] is True
    assert users[roster.OTHER_BOT]["is_bot"] is True
    assert users[roster.SLACKBOT]["is_bot"] is False
    assert users[roster.EXTERNAL]["team_id"] != "T0001"
    for uid in roster.ACTIVE_HUMANS:
        assert users[uid]["tz"] == "Europe/London"
        assert users[uid]["profile"]["email"].endswith(".example")
        assert not users[uid]["is_bot"] and not users[uid]["deleted"]


def test_users_list_paginates_with_next_cursor(fake: FakeSlack, client: WebClient) -> None:
    # slack_sdk follows next_cursor, but reuses ONE response object: read each page in the loop.
    pages = [[u["id"] for u in page["members"]] for page in client.users_list(limit=4)]
    assert [uid for page in pages for uid in page] == [u["id"] for u in default_roster()]
    assert [len(p) for p in pages] == [4, 4, 3]
    cursors = [c.body.get("cursor") for c in fake.calls("users.list")]
    assert len(cursors) == 3
    assert cursors[0] is None and all(cursors[1:])


def test_users_info_unknown_user(client: WebClient) -> None:
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="U0NOBODY")


def test_add_user_extends_the_roster(fake: FakeSlack, client: WebClient) -> None:
    fake.add_user(make_user("U0NEWGP", "new.gp", "Dr New Starter", email="n@x.example"))
    assert client.users_info(user="U0NEWGP")["user"]["real_name"] == "Dr New Starter"


def test_conversations_open_gives_a_stable_dm_per_user(fake: FakeSlack, client: WebClient) -> None:
    first = client.conversations_open(users="U0SALGP")
    again = client.conversations_open(users=["U0SALGP"])
    other = client.conversations_open(users="U0TRAINEE")
    assert first["channel"]["id"] == again["channel"]["id"] == fake.dm_channel("U0SALGP")
    assert first["channel"]["id"].startswith("D")
    assert other["channel"]["id"] != first["channel"]["id"]
    assert (first["already_open"], again["already_open"]) == (False, True)


@pytest.mark.parametrize(
    ("user", "error"),
    [("U0NOBODY", "user_not_found"), ("U0LEFT", "user_disabled"), ("U0ROTABOT", "cannot_dm_bot")],
)
def test_conversations_open_refuses_odd_users(client: WebClient, user: str, error: str) -> None:
    with pytest.raises(SlackApiError, match=error):
        client.conversations_open(users=user)


# -- messages ---------------------------------------------------------------------------------
def test_post_to_user_id_lands_in_their_dm(fake: FakeSlack, client: WebClient) -> None:
    resp = client.chat_postMessage(channel="U0PARTNER", text="How was your week?")
    dm = client.conversations_open(users="U0PARTNER")["channel"]["id"]
    assert resp["channel"] == dm
    assert [m["text"] for m in fake.messages(dm)] == ["How was your week?"]
    assert fake.messages("U0PARTNER") == fake.messages(dm)


@pytest.mark.parametrize("channel", ["C0NOPE", "D0NEVEROPENED", ""])
def test_post_to_unknown_channel_fails(client: WebClient, channel: str) -> None:
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.chat_postMessage(channel=channel, text="hello?")


def test_post_needs_some_content(client: WebClient) -> None:
    with pytest.raises(SlackApiError, match="no_text"), pytest.warns(UserWarning):
        client.chat_postMessage(channel="C0RANTS")


def test_ts_values_increase_even_under_concurrency(fake: FakeSlack) -> None:
    def post(n: int) -> None:
        WebClient(token="xoxb-t", base_url=fake.url).chat_postMessage(
            channel="C0RANTS", text=str(n)
        )

    threads = [threading.Thread(target=post, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [m["ts"] for m in fake.messages("C0RANTS")]
    assert len(set(stamps)) == 12
    assert stamps == sorted(stamps, key=float)


def test_history_round_trips_metadata(fake: FakeSlack, client: WebClient) -> None:
    metadata = {"event_type": "x", "event_payload": {"id": "1"}}
    posted = client.chat_postMessage(channel="C0RANTS", text="pairing", metadata=metadata)
    with_meta = client.conversations_history(channel="C0RANTS", include_all_metadata=True)
    assert with_meta["messages"][0]["metadata"] == metadata
    assert with_meta["messages"][0]["ts"] == posted["ts"]
    without = client.conversations_history(channel="C0RANTS")
    assert "metadata" not in without["messages"][0]
    assert fake.calls("conversations.history")[0].body["include_all_metadata"] == "1"


def test_history_is_newest_first_windowed_and_paged(fake: FakeSlack, client: WebClient) -> None:
    stamps = [client.chat_postMessage(channel="C0ADVICE", text=f"m{i}")["ts"] for i in range(5)]
    history = client.conversations_history(channel="C0ADVICE")
    assert [m["text"] for m in history["messages"]] == ["m4", "m3", "m2", "m1", "m0"]
    window = client.conversations_history(channel="C0ADVICE", oldest=stamps[1], latest=stamps[4])
    assert [m["text"] for m in window["messages"]] == ["m3", "m2"]
    first = client.conversations_history(channel="C0ADVICE", limit=2)
    assert first["has_more"] is True
    cursor = first["response_metadata"]["next_cursor"]
    rest = client.conversations_history(channel="C0ADVICE", limit=10, cursor=cursor)
    assert [m["text"] for m in rest["messages"]] == ["m2", "m1", "m0"]


def test_threads_and_replies(fake: FakeSlack, client: WebClient) -> None:
    parent = client.chat_postMessage(channel="C0RANTS", text="Rough clinic")["ts"]
    reply_ts = fake.post_user_message("C0RANTS", roster.SALARIED_GP, "Same here", thread_ts=parent)
    client.chat_postMessage(channel="C0RANTS", text="Tea at 4?", thread_ts=parent)
    top = client.conversations_history(channel="C0RANTS")["messages"]
    assert [m["text"] for m in top] == ["Rough clinic"]
    assert top[0]["reply_count"] == 2
    thread = client.conversations_replies(channel="C0RANTS", ts=parent)["messages"]
    assert [m["text"] for m in thread] == ["Rough clinic", "Same here", "Tea at 4?"]
    assert thread[1]["ts"] == reply_ts and thread[1]["user"] == roster.SALARIED_GP
    with pytest.raises(SlackApiError, match="thread_not_found"):
        client.conversations_replies(channel="C0RANTS", ts="1.000000")


def test_update_and_delete(fake: FakeSlack, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C0RANTS", text="draft")["ts"]
    updated = client.chat_update(channel="C0RANTS", ts=ts, text="final")
    assert updated["message"]["text"] == "final"
    assert [m["text"] for m in fake.messages("C0RANTS")] == ["final"]
    client.chat_delete(channel="C0RANTS", ts=ts)
    assert fake.messages("C0RANTS") == []
    for call in (client.chat_update, client.chat_delete):
        with pytest.raises(SlackApiError, match="message_not_found"):
            call(channel="C0RANTS", ts=ts, text="again")
    human = fake.post_user_message("C0RANTS", roster.TRAINEE, "mine")
    with pytest.raises(SlackApiError, match="cant_delete_message"):
        client.chat_delete(channel="C0RANTS", ts=human)


def test_ephemeral_is_answered_but_not_stored(fake: FakeSlack, client: WebClient) -> None:
    resp = client.chat_postEphemeral(channel="C0RANTS", user="U0SALGP", text="only you")
    assert resp["message_ts"]
    assert fake.messages("C0RANTS") == []


# -- channels ---------------------------------------------------------------------------------
def test_channels_list_join_create_info(client: WebClient) -> None:
    listed = client.conversations_list(types="public_channel")["channels"]
    assert {c["name"] for c in listed} == {"general", "coffee-room", "run-it-past"}
    assert not any(c["is_member"] for c in listed)
    joined = client.conversations_join(channel="C0ADVICE")["channel"]
    assert joined["is_member"] is True
    assert client.conversations_info(channel="C0ADVICE")["channel"]["is_member"] is True
    assert "U0BOT" in client.conversations_members(channel="C0ADVICE")["members"]
    created = client.conversations_create(name="peer-support")["channel"]
    assert created["id"].startswith("C") and created["is_member"] is True
    client.chat_postMessage(channel=created["id"], text="Welcome")
    with pytest.raises(SlackApiError, match="name_taken"):
        client.conversations_create(name="peer-support")
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.conversations_info(channel="C0NOPE")


def test_custom_channels_and_list_pagination() -> None:
    chans = [make_channel(f"C0X{i}", f"room-{i}") for i in range(3)]
    chans.append(make_channel("C0OLD", "old-rota", is_archived=True))
    with FakeSlack(channels=chans) as fake:
        client = WebClient(token="xoxb-t", base_url=fake.url)
        names = [c["name"] for page in client.conversations_list(limit=2) for c in page["channels"]]
        assert names == ["room-0", "room-1", "room-2", "old-rota"]
        live = client.conversations_list(exclude_archived=True)["channels"]
        assert "old-rota" not in [c["name"] for c in live]
        with pytest.raises(SlackApiError, match="channel_not_found"):
            client.chat_postMessage(channel="C0GENERAL", text="not in this workspace")
        with pytest.raises(SlackApiError, match="is_archived"):
            client.chat_postMessage(channel="C0OLD", text="hello?")


# -- views and response_url -------------------------------------------------------------------
def test_views(fake: FakeSlack, client: WebClient) -> None:
    modal = {
        "type": "modal",
        "callback_id": "checkin",
        "title": {"type": "plain_text", "text": "Hi"},
    }
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.views_open(trigger_id="", view=modal)
    opened = client.views_open(trigger_id="123.456.abc", view=modal)["view"]
    assert opened["id"].startswith("V") and opened["callback_id"] == "checkin"
    updated = client.views_update(view_id=opened["id"], view={**modal, "callback_id": "next"})
    assert updated["view"]["id"] == opened["id"]
    pushed = client.views_push(trigger_id="123.456.def", view=modal)["view"]
    assert pushed["id"] != opened["id"]
    home = {"type": "home", "blocks": [{"type": "divider"}]}
    first = client.views_publish(user_id="U0TRAINEE", view=home)["view"]
    second = client.views_publish(user_id="U0TRAINEE", view=home)["view"]
    assert first["id"] == second["id"]
    assert fake.home_view("U0TRAINEE") == second
    assert fake.calls("views.open")[1].body["view"] == modal


def test_response_url_is_recorded(fake: FakeSlack) -> None:
    resp = WebhookClient(fake.url + "response/abc").send(text="Thanks", response_type="ephemeral")
    assert resp.status_code == 200 and json.loads(resp.body) == {"ok": True}
    (call,) = fake.calls("response_url")
    assert call.path == "response/abc"
    assert call.body == {"text": "Thanks", "response_type": "ephemeral"}
    assert call.token is None


def test_unknown_methods_just_say_ok(client: WebClient) -> None:
    assert client.api_call("reactions.add", params={"name": "tea"}).data == {"ok": True}


# -- faults -----------------------------------------------------------------------------------
def test_rate_limit_fault(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", status=429, error="ratelimited", retry_after=2)
    with pytest.raises(SlackApiError) as info:
        client.chat_postMessage(channel="C0RANTS", text="hi")
    assert info.value.response.status_code == 429
    assert info.value.response.headers["Retry-After"] == "2"
    assert info.value.response["error"] == "ratelimited"
    client.chat_postMessage(channel="C0RANTS", text="hi")  # the fault was used up
    assert [c.faulted for c in fake.calls("chat.postMessage")] == [True, False]
    assert len(fake.messages("C0RANTS")) == 1  # the faulted call changed nothing


def test_workspace_rate_limit_answers_429_once_the_second_is_full() -> None:
    with FakeSlack(rate_limits={"chat.postMessage": 2}) as limited:
        client = WebClient(token="xoxb-test-token", base_url=limited.url, retry_handlers=[])
        for _ in range(2):
            client.chat_postMessage(channel="C0RANTS", text="within the limit")
        client.conversations_info(channel="C0RANTS")  # other methods are not limited
        with pytest.raises(SlackApiError) as info:
            client.chat_postMessage(channel="C0RANTS", text="one too many")
        assert info.value.response.status_code == 429
        assert info.value.response.headers["Retry-After"] == "1"
        assert info.value.response["error"] == "ratelimited"
        with pytest.raises(SlackApiError):  # sent straight away, inside the Retry-After
            client.chat_postMessage(channel="C0RANTS", text="too soon")
        assert len(limited.messages("C0RANTS")) == 2  # nothing refused was stored
        posts = limited.calls("chat.postMessage")
        assert limited.inside_retry_after("chat.postMessage") == [posts[3]]
        assert [c.faulted for c in posts] == [False, False, True, True]
        assert posts[0].at <= posts[1].at <= posts[2].at <= posts[3].at


def test_no_rate_limit_unless_asked(fake: FakeSlack, client: WebClient) -> None:
    for n in range(12):
        client.chat_postMessage(channel="C0RANTS", text=f"message {n}")
    assert len(fake.messages("C0RANTS")) == 12
    assert fake.inside_retry_after("chat.postMessage") == []


def test_server_error_and_slack_error_faults(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", status=500)
    fake.fail_next("chat.postMessage", error="channel_not_found", times=2)
    with pytest.raises(SlackApiError) as info:
        client.chat_postMessage(channel="C0RANTS", text="hi")
    assert info.value.response.status_code == 500
    for _ in range(2):
        with pytest.raises(SlackApiError) as info:
            client.chat_postMessage(channel="C0RANTS", text="hi")
        assert info.value.response.status_code == 200
        assert info.value.response.data == {"ok": False, "error": "channel_not_found"}
    assert client.chat_postMessage(channel="C0RANTS", text="hi")["ok"] is True
    faults = [c.fault for c in fake.calls("chat.postMessage")]
    assert [f.status if f else None for f in faults] == [500, 200, 200, None]


def test_dropped_connection(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("users.info", drop_connection=True)
    with pytest.raises(ConnectionError):  # http.client.RemoteDisconnected, not a URLError
        client.users_info(user="U0ADMIN")
    assert fake.calls("users.info")[0].faulted
    fake.fail_next("users.info", drop_connection=True)
    retrying = WebClient(token="xoxb-t", base_url=fake.url)  # default: retries connection errors
    assert retrying.users_info(user="U0ADMIN")["user"]["id"] == "U0ADMIN"
    assert len(fake.calls("users.info")) == 3


def test_delay_slows_but_still_answers(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("auth.test", delay=0.3)
    started = time.monotonic()
    assert client.auth_test()["ok"] is True
    assert time.monotonic() - started >= 0.3
    fake.fail_next("auth.test", delay=2.0)
    impatient = WebClient(token="xoxb-t", base_url=fake.url, timeout=1, retry_handlers=[])
    with pytest.raises(TimeoutError):
        impatient.auth_test()


# -- call log ---------------------------------------------------------------------------------
def test_wait_for_sees_calls_from_other_threads(fake: FakeSlack, client: WebClient) -> None:
    def later() -> None:
        time.sleep(0.1)
        client.chat_postMessage(channel="C0RANTS", text="done")

    threading.Thread(target=later).start()
    (call,) = fake.wait_for("chat.postMessage", timeout=3)
    assert call.body["text"] == "done"


def test_wait_for_timeout_explains_what_arrived(fake: FakeSlack, client: WebClient) -> None:
    client.auth_test()
    client.conversations_open(users="U0ADMIN")
    with pytest.raises(AssertionError) as info:
        fake.wait_for("chat.postMessage", count=2, timeout=0.2)
    message = str(info.value)
    assert "chat.postMessage" in message and "got 0" in message
    assert "auth.test x1" in message and "conversations.open x1" in message
    assert "U0ADMIN" in message


def test_clear_forgets_calls_only(fake: FakeSlack, client: WebClient) -> None:
    client.chat_postMessage(channel="C0RANTS", text="kept")
    fake.clear()
    assert fake.calls() == []
    assert [m["text"] for m in fake.messages("C0RANTS")] == ["kept"]


def test_custom_ids_and_roster() -> None:
    users = [make_user("U9ONLY", "only.gp", "Dr Only GP", team_id="T9")]
    with FakeSlack(team_id="T9", bot_user_id="U9BOT", bot_id="B9BOT", users=users) as fake:
        client = WebClient(token="xoxb-t", base_url=fake.url)
        assert client.auth_test()["user_id"] == "U9BOT"
        assert [u["id"] for u in client.users_list()["members"]] == ["U9ONLY"]
        assert client.chat_postMessage(channel="U9ONLY", text="hi")["message"]["bot_id"] == "B9BOT"
    assert fake.errors == []


def test_response_url_faults_and_default_retry_after(fake: FakeSlack) -> None:
    fake.fail_next("response_url", status=429)
    resp = WebhookClient(fake.url + "response/xyz").send(text="hi")
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "1"
    assert json.loads(resp.body) == {"ok": False, "error": "ratelimited"}
    assert fake.calls("response_url")[0].faulted
