"""Twilio's official Python SDK, pointed at the simulator, works as it would against Twilio."""
import json
import time

import pytest

from conftest import wait_until
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.rest import Client


@pytest.fixture
def client(sim):
    c = Client(sim.account_sid, sim.token)
    c.api.base_url = sim.url
    return c


def test_lists_and_filters_conferences(client, sim):
    everything = client.conferences.list()
    assert len(everything) == 2
    live = client.conferences.list(status="in-progress")
    assert {c.friendly_name for c in live} == {"standup", "incident-bridge"}
    named = client.conferences.list(friendly_name="standup")
    assert [c.sid for c in named] == [sim.conference("standup")["sid"]]
    assert named[0].date_created is not None  # the SDK parsed the RFC 2822 date


def test_lists_filters_and_pages_participants(client, sim):
    sid = sim.conference("standup")["sid"]
    participants = client.conferences(sid).participants.list()
    assert len(participants) == 5
    muted = client.conferences(sid).participants.list(muted=True)
    assert all(p.muted for p in muted)
    assert len(muted) + len(client.conferences(sid).participants.list(muted=False)) == 5
    assert client.conferences(sid).participants.list(hold=True) == []
    paged = client.conferences(sid).participants.list(page_size=2)
    assert [p.call_sid for p in paged] == [p.call_sid for p in participants]
    first = client.conferences(sid).participants.page(page_size=2)
    second = first.next_page()
    third = second.next_page()
    sizes = [len(list(page)) for page in (first, second, third)]
    assert sizes == [2, 2, 1] and third.next_page() is None


def test_fetches_by_label_mutes_holds_and_kicks(client, sim):
    sid = sim.conference("standup")["sid"]
    moderator = client.conferences(sid).participants("moderator").fetch()
    assert moderator.label == "moderator" and moderator.end_conference_on_exit
    target = client.conferences(sid).participants.list()[1].call_sid
    assert client.conferences(sid).participants(target).update(muted=True).muted is True
    held = client.conferences(sid).participants(target).update(hold=True, hold_url="https://example.com/hold.mp3", hold_method="POST")
    assert held.hold is True
    status, extras = sim.json("GET", f"/_sim/extras/{sid}/{target}")
    assert extras["holdUrl"] == "https://example.com/hold.mp3" and extras["holdMethod"] == "POST"
    assert client.conferences(sid).participants(target).update(hold=False).hold is False
    assert client.conferences(sid).participants(target).delete() is True
    assert target not in {p.call_sid for p in client.conferences(sid).participants.list()}


def test_dials_out_by_sid_and_by_friendly_name(client, sim):
    sid = sim.conference("standup")["sid"]
    by_sid = client.conferences(sid).participants.create(from_="+15017122661", to="+15558675310", label="sdk-guest")
    assert by_sid.status == "queued" and by_sid.label == "sdk-guest"
    by_name = client.conferences("AgentConf12").participants.create(from_="+18180021216", to="+15624421212")
    assert by_name.conference_sid.startswith("CF")
    assert client.conferences(by_name.conference_sid).fetch().friendly_name == "AgentConf12"


def test_ends_a_conference(client, sim):
    sid = sim.conference("incident-bridge")["sid"]
    ended = client.conferences(sid).update(status="completed")
    assert ended.status == "completed"
    assert client.conferences(sid).participants.list() == []


def test_errors_arrive_as_twilio_exceptions(client, sim):
    with pytest.raises(TwilioRestException) as refused:
        client.conferences(sim.conference("standup")["sid"]).participants.create(from_="+15017122661", to="+15005550002")
    assert refused.value.code == 21214 and refused.value.status == 400
    with pytest.raises(TwilioRestException) as missing:
        client.conferences("CF00000000000000000000000000000000").fetch()
    assert missing.value.code == 20404
    wrong = Client(sim.account_sid, "not-the-token")
    wrong.api.base_url = sim.url
    with pytest.raises(TwilioRestException) as unauthorized:
        wrong.conferences(sim.conference("standup")["sid"]).fetch()
    assert unauthorized.value.status == 401 and unauthorized.value.code == 20003



def test_fetches_participants_calls(client, sim):
    sid = sim.conference("standup")["sid"]
    moderator = client.conferences(sid).participants("moderator").fetch()
    call = client.calls(moderator.call_sid).fetch()
    assert call.sid == moderator.call_sid and call.status == "in-progress" and call.direction == "inbound"
    assert call.start_time is not None and call.end_time is None and call.duration is None  # RFC 2822 parsed
    assert call.from_formatted.startswith("(") and call.caller_name
    directions = {client.calls(p.call_sid).fetch().direction for p in client.conferences(sid).participants.list()}
    assert "inbound" in directions
    with pytest.raises(TwilioRestException) as missing:
        client.calls("CA00000000000000000000000000000000").fetch()
    assert missing.value.code == 20404 and missing.value.status == 404


def test_a_dial_outs_call_follows_the_participant(client, sim):
    sid = sim.conference("standup")["sid"]
    created = client.conferences(sid).participants.create(from_="+15017122661", to="+15558675310", label="sdk-call")
    first = client.calls(created.call_sid).fetch()
    assert first.direction == "outbound-api" and first.to == "+15558675310" and first.to_formatted == "(555) 867-5310"
    wait_until(lambda: client.calls(created.call_sid).fetch().status == "in-progress", what="the call to be answered")
    client.conferences(sid).participants("sdk-call").delete()
    ended = client.calls(created.call_sid).fetch()
    assert ended.status == "completed" and ended.end_time is not None and ended.duration is not None
    busy = client.conferences(sid).participants.create(from_="+15017122661", to="+15005550012")
    wait_until(lambda: client.calls(busy.call_sid).fetch().status == "busy", what="the busy signal")


def test_lists_pauses_and_resumes_the_conference_recording(client, sim):
    sid = sim.conference("standup")["sid"]
    recordings = client.conferences(sid).recordings.list()
    assert len(recordings) == 1
    recording = recordings[0]
    assert recording.sid.startswith("RE") and recording.status == "in-progress" and recording.conference_sid == sid
    assert recording.start_time is not None and recording.channels == 1
    paused = client.conferences(sid).recordings(recording.sid).update(status="paused", pause_behavior="skip")
    assert paused.status == "paused" and paused.sid == recording.sid
    assert client.conferences(sid).recordings(recording.sid).fetch().status == "paused"
    resumed = client.conferences(sid).recordings(recording.sid).update(status="in-progress")
    assert resumed.status == "in-progress" and resumed.sid == recording.sid
    with pytest.raises(TwilioRestException) as refused:
        client.conferences(sid).recordings(recording.sid).update(status="completed")
    assert refused.value.status == 400
    other = sim.conference("incident-bridge")["sid"]
    assert client.conferences(other).recordings.list() == []


def test_lists_in_progress_conferences_unless_told_otherwise(client, sim):
    ended = sim.conference("incident-bridge")["sid"]
    client.conferences(ended).update(status="completed")
    assert [c.friendly_name for c in client.conferences.list()] == ["standup"]
    assert [c.sid for c in client.conferences.list(status="completed")] == [ended]
    client.conferences("lobby").participants.create(from_="+15017122661", to="+15558675310", start_conference_on_enter=False)
    assert [c.friendly_name for c in client.conferences.list(status="init")] == ["lobby"]


def test_an_empty_wait_url_and_a_twiml_app_are_accepted(client, sim):
    sid = sim.conference("standup")["sid"]
    quiet = client.conferences(sid).participants.create(from_="+15017122661", to="+15558675310", wait_url="")
    status, extras = sim.json("GET", f"/_sim/extras/{sid}/{quiet.call_sid}")
    assert extras["waitUrl"] == ""
    app = client.conferences(sid).participants.create(from_="client:supervisor", to="app:AP0123456789abcdef0123456789abcdef")
    assert client.calls(app.call_sid).fetch().to == "app:AP0123456789abcdef0123456789abcdef"
    member = client.conferences(sid).participants.list()[0].call_sid
    assert client.conferences(sid).participants(member).update(wait_url="").call_sid == member
    accepted = client.conferences(sid).participants.create(
        from_="+15017122661", to="+15558675311", recording_configuration_id="RC-standard_1", passports="eyJhIjoxfQ")
    assert accepted.call_sid.startswith("CA")


def refused_page(read):
    """A list call's refusal: twilio-python raises TwilioException with the HTTP response."""
    with pytest.raises(TwilioException) as refused:
        read()
    response = refused.value.args[1]
    return response.status_code, json.loads(response.text)


def test_authentication_errors_as_twilio_gives_them(client, sim):
    sid = sim.conference("standup")["sid"]
    wrong = Client(sim.account_sid, "not-the-token")
    wrong.api.base_url = sim.url
    with pytest.raises(TwilioRestException) as unauthorized:
        wrong.conferences(sid).fetch()
    assert unauthorized.value.status == 401 and unauthorized.value.code == 20003
    assert unauthorized.value.msg.endswith(": Authenticate")
    status, body = refused_page(lambda: wrong.conferences.list())
    assert status == 401 and body["message"] == "Authenticate" and body["code"] == 20003
    other = Client(sim.account_sid, sim.token, account_sid="AC0123456789abcdef0123456789abcdef")
    other.api.base_url = sim.url
    with pytest.raises(TwilioRestException) as foreign:
        other.conferences(sid).fetch()
    assert foreign.value.status == 401 and foreign.value.code == 20003


def test_reading_participants_by_friendly_name_is_not_allowed(client, sim):
    status, body = refused_page(lambda: client.conferences("standup").participants.list())
    assert status == 405 and body["code"] == 20004
    with pytest.raises(TwilioRestException) as refused:
        client.conferences("standup").participants("moderator").fetch()
    assert refused.value.status == 405 and refused.value.code == 20004
    joined = client.conferences("standup").participants.create(from_="+15017122661", to="+15558675310")
    assert joined.conference_sid == sim.conference("standup")["sid"]
