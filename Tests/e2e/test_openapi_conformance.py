"""The simulator's JSON validates against Twilio's OpenAPI schemas (vendored in reference/).

The contract's schemas mark nothing as required, so every documented property is made required and
undocumented ones are refused: a missing field or a field of the wrong type fails. Enum fields are
treated as nullable (the API returns null for reason_conference_ended while a conference runs).
"""
import copy
import email.utils
import json
import time

import pytest
from openapi_schema_validator import OAS30Validator
from jsonschema import FormatChecker, ValidationError

from conftest import ROOT, wait_until

SPEC = json.loads((ROOT / "reference" / "twilio_api_v2010_conferences.json").read_text())
PATHS = SPEC["paths"]
ACCOUNT = "/2010-04-01/Accounts/{AccountSid}"

checker = FormatChecker()


@checker.checks("date-time-rfc-2822", raises=(TypeError, ValueError))
def _rfc2822(value):
    return value is None or email.utils.parsedate_to_datetime(value) is not None


def strict(schema):
    """Inline $refs, require every property, refuse unknown ones, let enums be null."""
    schema = copy.deepcopy(schema)
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        resolved = strict(SPEC["components"]["schemas"][name])
        if "enum" in resolved:
            resolved["nullable"] = True
            resolved["enum"] = resolved["enum"] + [None]
        return resolved
    if schema.get("type") == "object" and "properties" in schema:
        schema["properties"] = {k: strict(v) for k, v in schema["properties"].items()}
        schema["required"] = sorted(schema["properties"])
        schema["additionalProperties"] = False
    if schema.get("type") == "array" and "items" in schema:
        schema["items"] = strict(schema["items"])
    return schema


def response_schema(path, method, status):
    content = PATHS[ACCOUNT + path][method]["responses"][str(status)]["content"]["application/json"]
    return strict(content["schema"])


def validate(instance, schema):
    OAS30Validator(schema, format_checker=checker).validate(instance)


def test_list_conferences(sim):
    status, body = sim.json("GET", f"{sim.account_path}/Conferences.json?PageSize=1")
    assert status == 200
    validate(body, response_schema("/Conferences.json", "get", 200))
    assert body["next_page_uri"]


def test_list_conferences_filtered(sim):
    status, body = sim.json("GET", f"{sim.account_path}/Conferences.json?Status=in-progress&FriendlyName=standup")
    assert status == 200 and len(body["conferences"]) == 1
    validate(body, response_schema("/Conferences.json", "get", 200))


def test_fetch_and_update_conference(sim):
    sid = sim.conference("standup")["sid"]
    status, body = sim.json("GET", f"{sim.account_path}/Conferences/{sid}.json")
    assert status == 200
    validate(body, response_schema("/Conferences/{Sid}.json", "get", 200))
    status, body = sim.json("POST", f"{sim.account_path}/Conferences/{sid}.json", {"AnnounceUrl": "https://example.com/a.mp3"})
    validate(body, response_schema("/Conferences/{Sid}.json", "post", 200))
    status, body = sim.json("POST", f"{sim.account_path}/Conferences/{sid}.json", {"Status": "completed"})
    assert body["status"] == "completed" and body["reason_conference_ended"] == "conference-ended-via-api"
    validate(body, response_schema("/Conferences/{Sid}.json", "post", 200))


def test_list_participants_every_filter(sim):
    sid = sim.conference("standup")["sid"]
    schema = response_schema("/Conferences/{ConferenceSid}/Participants.json", "get", 200)
    for query in ["", "?Muted=true", "?Hold=false", "?Coaching=false", "?PageSize=2"]:
        status, body = sim.json("GET", f"{sim.account_path}/Conferences/{sid}/Participants.json{query}")
        assert status == 200, query
        validate(body, schema)
    status, body = sim.json("GET", body["next_page_uri"])
    assert status == 200 and body["page"] == 1
    validate(body, schema)


def test_fetch_update_create_participant(sim):
    sid = sim.conference("standup")["sid"]
    base = f"{sim.account_path}/Conferences/{sid}/Participants"
    one = "/Conferences/{ConferenceSid}/Participants/{CallSid}.json"
    status, body = sim.json("GET", f"{base}/moderator.json")
    validate(body, response_schema(one, "get", 200))
    status, body = sim.json("POST", f"{base}/moderator.json", {"Muted": "true", "Hold": "true", "HoldUrl": "https://example.com/m.mp3"})
    assert body["muted"] and body["hold"]
    validate(body, response_schema(one, "post", 200))
    status, body = sim.json("POST", f"{base}.json", {"To": "+15558675310", "From": "+15017122661", "Label": "conformance"})
    assert status == 201 and body["status"] == "queued"
    validate(body, response_schema("/Conferences/{ConferenceSid}/Participants.json", "post", 201))
    status, raw_headers, raw = sim.request("DELETE", f"{base}/conformance.json")
    assert status == 204 and raw == b""



def fetch_call(sim, call_sid):
    status, body = sim.json("GET", f"{sim.account_path}/Calls/{call_sid}.json")
    assert status == 200, body
    validate(body, response_schema("/Calls/{Sid}.json", "get", 200))
    return body


def test_fetch_calls_of_every_participant_and_every_outcome(sim):
    sid = sim.conference("standup")["sid"]
    for participant in sim.participants(sid):
        assert fetch_call(sim, participant["call_sid"])["status"] == "in-progress"
    base = f"{sim.account_path}/Conferences/{sid}/Participants"
    dialled = {}
    for to in ["+15558675310", "+15005550010", "+15005550011", "+15005550012", "client:guest"]:
        status, body = sim.json("POST", f"{base}.json", {"To": to, "From": "+15017122661", "Timeout": "5"})
        assert status == 201, body
        dialled[to] = body["call_sid"]
        assert fetch_call(sim, body["call_sid"])["status"] in ("queued", "ringing")
    wait_until(lambda: fetch_call(sim, dialled["+15558675310"])["status"] == "in-progress", what="the answer")
    for to, ending in [("+15005550010", "failed"), ("+15005550012", "busy")]:
        wait_until(lambda: fetch_call(sim, dialled[to])["status"] == ending, what=ending)
    status, _, _ = sim.request("DELETE", f"{base}/{dialled['+15558675310']}.json")
    assert status == 204
    completed = fetch_call(sim, dialled["+15558675310"])
    assert completed["status"] == "completed" and completed["duration"] is not None


def test_list_fetch_and_update_recordings(sim):
    sid = sim.conference("standup")["sid"]
    base = f"{sim.account_path}/Conferences/{sid}/Recordings"
    status, body = sim.json("GET", f"{base}.json")
    assert status == 200 and len(body["recordings"]) == 1
    validate(body, response_schema("/Conferences/{ConferenceSid}/Recordings.json", "get", 200))
    one = "/Conferences/{ConferenceSid}/Recordings/{Sid}.json"
    rsid = body["recordings"][0]["sid"]
    status, body = sim.json("GET", f"{base}/{rsid}.json")
    validate(body, response_schema(one, "get", 200))
    for value, answered in [("paused", "paused"), ("in-progress", "in-progress"), ("stopped", "stopped")]:
        status, body = sim.json("POST", f"{base}/{rsid}.json", {"Status": value, "PauseBehavior": "skip"})
        assert status == 200 and body["status"] == answered
        validate(body, response_schema(one, "post", 200))
    status, body = sim.json("GET", f"{base}.json?DateCreated%3E=2000-01-01")
    assert body["recordings"][0]["status"] == "completed" and body["recordings"][0]["duration"] is not None
    validate(body, response_schema("/Conferences/{ConferenceSid}/Recordings.json", "get", 200))
    status, _, raw = sim.request("DELETE", f"{base}/{rsid}.json")
    assert status == 204 and raw == b""


def test_error_body_has_twilios_shape(sim):
    status, body = sim.json("GET", f"{sim.account_path}/Conferences/CF00000000000000000000000000000000.json")
    assert status == 404
    assert set(body) == {"code", "message", "more_info", "status"}
    assert body["code"] == 20404 and body["status"] == 404


# The validation above must be able to fail: each spoiled copy of a valid answer is refused.
def spoiled_participants():
    valid = json.loads(json.dumps(SAMPLE))
    cases = []
    missing = copy.deepcopy(valid)
    del missing["call_sid"]
    cases.append(("missing call_sid", missing))
    wrong_type = copy.deepcopy(valid)
    wrong_type["muted"] = "yes"
    cases.append(("muted is a string", wrong_type))
    bad_enum = copy.deepcopy(valid)
    bad_enum["status"] = "dancing"
    cases.append(("unknown status", bad_enum))
    bad_sid = copy.deepcopy(valid)
    bad_sid["conference_sid"] = "CF123"
    cases.append(("short conference_sid", bad_sid))
    bad_date = copy.deepcopy(valid)
    bad_date["date_created"] = "yesterday"
    cases.append(("date not RFC 2822", bad_date))
    extra = copy.deepcopy(valid)
    extra["surprise"] = 1
    cases.append(("undocumented field", extra))
    return cases


SAMPLE = {
    "account_sid": "ACc0ffee00000000000000000000000000", "call_sid": "CA0123456789abcdef0123456789abcdef", "label": None,
    "conference_sid": "CF0123456789abcdef0123456789abcdef", "date_created": "Wed, 18 Aug 2010 20:20:10 +0000",
    "date_updated": "Wed, 18 Aug 2010 20:20:10 +0000", "end_conference_on_exit": False, "muted": False, "hold": False,
    "status": "connected", "start_conference_on_enter": True, "coaching": False, "call_sid_to_coach": None,
    "queue_time": None, "uri": "/x.json",
}


def test_the_sample_is_valid():
    validate(SAMPLE, response_schema("/Conferences/{ConferenceSid}/Participants/{CallSid}.json", "get", 200))


@pytest.mark.parametrize("name,instance", spoiled_participants(), ids=[c[0] for c in spoiled_participants()])
def test_validation_catches_spoiled_answers(name, instance):
    with pytest.raises(ValidationError):
        validate(instance, response_schema("/Conferences/{ConferenceSid}/Participants/{CallSid}.json", "get", 200))


CALL = {
    "sid": "CA0123456789abcdef0123456789abcdef", "date_created": "Wed, 18 Aug 2010 20:20:10 +0000",
    "date_updated": "Wed, 18 Aug 2010 20:20:10 +0000", "parent_call_sid": None, "account_sid": "ACc0ffee00000000000000000000000000",
    "to": "+14155550100", "to_formatted": "(415) 555-0100", "from": "+14155550101", "from_formatted": "(415) 555-0101",
    "phone_number_sid": None, "status": "in-progress", "start_time": "Wed, 18 Aug 2010 20:20:10 +0000", "end_time": None,
    "duration": None, "price": None, "price_unit": "USD", "direction": "inbound", "answered_by": None, "api_version": "2010-04-01",
    "forwarded_from": None, "group_sid": None, "caller_name": None, "queue_time": "0", "trunk_sid": None, "uri": "/x.json",
    "subresource_uris": {"recordings": "/x/Recordings.json"},
}


def spoiled_calls():
    cases = []
    for name, change in [("missing to", lambda c: c.pop("to")), ("unknown status", lambda c: c.update(status="dancing")),
                         ("short sid", lambda c: c.update(sid="CA123")), ("duration is a number", lambda c: c.update(duration=4))]:
        spoiled = copy.deepcopy(CALL)
        change(spoiled)
        cases.append((name, spoiled))
    return cases


def test_the_call_sample_is_valid():
    validate(CALL, response_schema("/Calls/{Sid}.json", "get", 200))


@pytest.mark.parametrize("name,instance", spoiled_calls(), ids=[c[0] for c in spoiled_calls()])
def test_validation_catches_spoiled_calls(name, instance):
    with pytest.raises(ValidationError):
        validate(instance, response_schema("/Calls/{Sid}.json", "get", 200))
