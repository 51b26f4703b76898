#!/usr/bin/env python3
"""Writes test/fixtures/calendly/*.json: the vendor's documented payloads, signed here with
Python's hmac (an implementation independent of the app's) so the app's verifier is tested
against bytes it did not produce. Expected values are written by hand from Calendly's docs.
Run from the repository root: python3 dev/fixture-generators/make-calendly-fixtures.py"""
import copy, hashlib, hmac, json, os
from datetime import datetime, timezone, timedelta

OUT = 'test/fixtures/calendly'
KEY = 'fixture-signing-key-not-a-secret'
SRC = 'Calendly OpenAPI WebhookPayload x-examples (developer.calendly.com); vendor-specs/calendly.openapi.json'

created = {
  "created_at": "2020-11-23T17:51:19.000000Z",
  "created_by": "https://api.calendly.com/users/AAAAAAAAAAAAAAAA",
  "event": "invitee.created",
  "payload": {
    "cancel_url": "https://calendly.com/cancellations/AAAAAAAAAAAAAAAA",
    "created_at": "2020-11-23T17:51:18.327602Z",
    "email": "test@example.com",
    "event": "https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA",
    "name": "John Doe",
    "new_invitee": None,
    "old_invitee": None,
    "questions_and_answers": [],
    "reschedule_url": "https://calendly.com/reschedulings/AAAAAAAAAAAAAAAA",
    "rescheduled": False,
    "status": "active",
    "text_reminder_number": None,
    "timezone": "America/New_York",
    "tracking": {"utm_campaign": None, "utm_source": None, "utm_medium": None, "utm_content": None, "utm_term": None, "salesforce_uuid": None},
    "updated_at": "2020-11-23T17:51:18.341657Z",
    "uri": "https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/AAAAAAAAAAAAAAAA",
    "scheduled_event": {
      "uri": "https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA",
      "name": "15 Minute Meeting",
      "meeting_notes_plain": "Internal meeting notes",
      "meeting_notes_html": "<p>Internal meeting notes</p>",
      "status": "active",
      "start_time": "2019-08-24T14:15:22.123456Z",
      "end_time": "2019-08-24T14:15:22.123456Z",
      "event_type": "https://api.calendly.com/event_types/AAAAAAAAAAAAAAAA",
      "location": {"type": "physical", "location": "Calendly Office", "additional_info": "Please check in at the front desk."},
      "invitees_counter": {"total": 0, "active": 0, "limit": 0},
      "created_at": "2019-01-02T03:04:05.678123Z",
      "updated_at": "2019-01-02T03:04:05.678123Z",
      "event_memberships": [{"user": "https://api.calendly.com/users/AAAAAAAAAAAAAAAA", "user_email": "user@example.com", "user_name": "John Smith"}],
      "event_guests": [{"email": "user@example.com", "created_at": "2019-08-24T14:15:22.123456Z", "updated_at": "2019-08-24T14:15:22.123456Z"}]
    }
  }
}

# Documented by hand from the vendor example: what a meeting_booked event must say.
expect_created = {
  "event": "meeting_booked", "tool": "calendly",
  "id": "calendly:meeting_booked:AAAAAAAAAAAAAAAA",
  "occurred_at": "2020-11-23T17:51:18.327Z",
  "lead": {"email": "test@example.com", "first_name": "John", "last_name": "Doe", "full_name": "John Doe", "tool_lead_id": "AAAAAAAAAAAAAAAA"},
  "campaign": None, "message": None, "category": None,
  "meeting": {"id": "AAAAAAAAAAAAAAAA", "title": "15 Minute Meeting", "start_time": "2019-08-24T14:15:22.123Z",
              "end_time": "2019-08-24T14:15:22.123Z", "timezone": "America/New_York", "join_url": None,
              "location": "Calendly Office", "organizer_email": "user@example.com", "rescheduled": False},
}

T = 1606153879  # 2020-11-23T17:51:19Z, the delivery's created_at
def iso(ts): return datetime.fromtimestamp(ts, timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
def sign(key, t, raw): return 't=%d,v1=%s' % (t, hmac.new(key.encode(), ('%d.' % t + raw).encode(), hashlib.sha256).hexdigest())

def write(name, description, body=None, raw=None, t=T, received=T + 2, key=KEY, header=True, subscription=True, expect=None, expect_error=None, source=SRC):
  raw = raw if raw is not None else json.dumps(body, separators=(',', ':'))
  headers = {"content-type": "application/json"}
  if header:
    headers["calendly-webhook-signature"] = sign(key, t, raw)
  fx = {"tool": "calendly", "description": description, "source": source,
        "request": {"method": "POST", "headers": headers, "querystring": {}, "rawBody": raw},
        "received_at": iso(received), "subscription": {"id": "BBBBBBBBBBBBBBBB", "secret": KEY} if subscription else {"id": "BBBBBBBBBBBBBBBB"},
        "inputData": {}}
  if expect_error is not None: fx["expect_error"] = expect_error
  else: fx["expect"] = expect if expect is not None else []
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fx, f, indent=2); f.write('\n')

os.makedirs(OUT, exist_ok=True)
write('invitee_created_signed', 'invitee.created, the vendor example, signed with the subscription signing key', created, expect=[expect_created])
write('invitee_created_pretty_body_signed', 'invitee.created delivered pretty-printed; the signature covers those exact bytes', raw=json.dumps(created, indent=2), expect=[expect_created])
write('invitee_created_unsigned_no_secret', 'invitee.created to a subscription with no stored signing key (made by hand): refused, verification is fail-closed', created, header=False, subscription=False, expect_error='no stored secret')

res = copy.deepcopy(created)
res['payload']['old_invitee'] = 'https://api.calendly.com/scheduled_events/CCCCCCCCCCCCCCCC/invitees/CCCCCCCCCCCCCCCC'
res['payload']['uri'] = 'https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/DDDDDDDDDDDDDDDD'
exp = copy.deepcopy(expect_created); exp['id'] = 'calendly:meeting_booked:DDDDDDDDDDDDDDDD'; exp['lead']['tool_lead_id'] = 'DDDDDDDDDDDDDDDD'; exp['meeting']['rescheduled'] = True
write('invitee_created_rescheduled', 'reschedule: the new invitee.created carries old_invitee (vendor webhooks overview)', res, expect=[exp])

canceled = copy.deepcopy(created)
canceled['event'] = 'invitee.canceled'
canceled['payload']['status'] = 'canceled'
canceled['payload']['cancellation'] = {"canceled_by": "John Doe", "reason": "Meeting Conflict", "canceler_type": "invitee", "created_at": "2020-11-23T17:54:22.356897Z"}
# Documented by hand from the vendor example "Invitee Canceled": the invitee canceled, for a conflict.
expect_canceled = {
  "event": "meeting_canceled", "tool": "calendly",
  "id": "calendly:meeting_canceled:AAAAAAAAAAAAAAAA",
  "occurred_at": "2020-11-23T17:54:22.356Z",
  "lead": {"email": "test@example.com", "first_name": "John", "last_name": "Doe", "full_name": "John Doe", "tool_lead_id": "AAAAAAAAAAAAAAAA"},
  "campaign": None, "message": None, "category": None,
  "meeting": {"id": "AAAAAAAAAAAAAAAA", "title": "15 Minute Meeting", "start_time": "2019-08-24T14:15:22.123Z",
              "end_time": "2019-08-24T14:15:22.123Z", "timezone": "America/New_York", "join_url": None,
              "location": "Calendly Office", "organizer_email": "user@example.com", "rescheduled": False,
              "canceled_by": "invitee", "cancel_reason": "Meeting Conflict"},
}
write('invitee_canceled', 'invitee.canceled (vendor example "Invitee Canceled"): one Meeting Canceled, canceled by the invitee, with the reason', canceled, expect=[expect_canceled])

host = copy.deepcopy(canceled)
host['payload']['cancellation'] = {"canceled_by": "John Smith", "reason": None, "canceler_type": "host", "created_at": "2020-11-23T17:51:18.900000Z"}
exp = copy.deepcopy(expect_canceled); exp['occurred_at'] = '2020-11-23T17:51:18.900Z'; exp['meeting']['canceled_by'] = 'host'; exp['meeting']['cancel_reason'] = None
write('invitee_canceled_by_host_no_reason', 'invitee.canceled by the host without a reason (Cancellation.reason is nullable): canceled_by host, cancel_reason null', host, expect=[exp])

# A reschedule: Calendly cancels the old invitee with rescheduled: true and new_invitee set, and
# books the new one (invitee.created with old_invitee, fixture invitee_created_rescheduled). The
# meeting still happens: the cancel half must not fire Meeting Canceled (nor anything else).
moved = copy.deepcopy(canceled)
moved['payload']['rescheduled'] = True
moved['payload']['new_invitee'] = 'https://api.calendly.com/scheduled_events/CCCCCCCCCCCCCCCC/invitees/DDDDDDDDDDDDDDDD'
moved['payload']['cancellation'] = {"canceled_by": "John Doe", "reason": None, "canceler_type": "invitee", "created_at": "2020-11-23T17:51:18.400000Z"}
write('invitee_canceled_reschedule_half', 'reschedule: the old invitee is canceled with rescheduled: true and new_invitee (vendor Invitee schema): no Meeting Canceled, no event at all', moved, expect=[])

noshow = copy.deepcopy(created)
noshow['event'] = 'invitee_no_show.created'
noshow['payload']['no_show'] = {"uri": "https://api.calendly.com/invitee_no_shows/AAAAAAAAAAAAAAAA", "created_at": "2020-11-23T17:55:00.000000Z"}
write('invitee_no_show_created', 'invitee_no_show.created: recognised, no event (a no-show is not a cancellation)', noshow, expect=[])

write('stale_signature', 'a correctly signed delivery replayed 10 minutes later: refused', created, received=T + 600, expect_error='away from now')
write('future_signature', 'a signature timestamp 10 minutes in the future (clock skew beyond tolerance): refused', created, t=T + 600, received=T, expect_error='away from now')
write('wrong_signing_key', 'signed with a key that is not the subscription\'s: refused', created, key='someone-elses-key', expect_error='does not match')
compact = json.dumps(created, separators=(',', ':'))
fx_raw = json.dumps(created, indent=1)
# signature over the compact bytes, delivered re-serialised with other whitespace
fx = {"tool": "calendly", "description": "body re-serialised after signing (different whitespace): refused",
      "source": SRC, "request": {"method": "POST", "headers": {"content-type": "application/json", "calendly-webhook-signature": sign(KEY, T, compact)}, "querystring": {}, "rawBody": fx_raw},
      "received_at": iso(T + 2), "subscription": {"id": "BBBBBBBBBBBBBBBB", "secret": KEY}, "inputData": {}, "expect_error": "does not match"}
with open(os.path.join(OUT, 'reserialised_body.json'), 'w') as f: json.dump(fx, f, indent=2); f.write('\n')
write('missing_signature_header', 'no Calendly-Webhook-Signature header on a subscription that has a signing key: refused', created, header=False, expect_error='header is missing')
unknown = copy.deepcopy(created); unknown['event'] = 'invitee.teleported'
write('unknown_event', 'an event name Calendly does not document: an error naming the tool, never an empty result', unknown, expect_error='did not recognise this Calendly webhook delivery')

# Locations (vendor OpenAPI `Location` oneOf): `location` is text a person can use, never a type code.
def with_location(loc, name, description, meeting_expect):
  body = copy.deepcopy(created)
  body['payload']['scheduled_event']['location'] = loc
  exp = copy.deepcopy(expect_created)
  exp['meeting'].update(meeting_expect)
  write(name, description, body, expect=[exp])

with_location({"type": "custom", "location": None}, 'location_custom_without_text',
  'CustomLocation with `location: null` (the schema makes it nullable): no location, not the type code "custom"',
  {"location": None, "join_url": None})
with_location({"type": "zoom", "status": "pushed", "join_url": "https://calendly.zoom.us/j/12345678901", "data": {"id": 12345678901}}, 'location_zoom_pushed',
  'ZoomConference, status pushed: a readable name with the join URL',
  {"location": "Zoom: https://calendly.zoom.us/j/12345678901", "join_url": "https://calendly.zoom.us/j/12345678901"})
with_location({"type": "google_conference", "status": "processing", "join_url": None}, 'location_google_meet_processing',
  'GoogleConference still processing (join_url null until pushed): the conferencing name alone, never "google_conference"',
  {"location": "Google Meet", "join_url": None})
with_location({"type": "microsoft_teams_conference", "status": "pushed", "join_url": "https://teams.microsoft.com/l/meetup-join/abc", "data": None}, 'location_teams_pushed',
  'MicrosoftTeamsConference, status pushed',
  {"location": "Microsoft Teams: https://teams.microsoft.com/l/meetup-join/abc", "join_url": "https://teams.microsoft.com/l/meetup-join/abc"})
with_location({"type": "outbound_call", "location": None}, 'location_outbound_call_without_number',
  'OutboundCall with `location: null` (nullable phone number): no location, not "outbound_call"',
  {"location": None, "join_url": None})
with_location({"type": "ask_invitee", "location": "I'll call you at the number you provide."}, 'location_ask_invitee',
  'InviteeSpecifiedLocation (vendor example text): the text the invitee gave',
  {"location": "I'll call you at the number you provide.", "join_url": None})
