#!/usr/bin/env python3
"""Writes test/fixtures/salesloft/*.json. The Meeting object follows the Salesloft Meetings API
field list (developers.salesloft.com/docs/api/meetings; engagement-apis research §7.3,
illustrative values). Deliveries are signed as Salesloft documents it: x-salesloft-signature =
hex HMAC-SHA1 of the raw body keyed by the subscription's callback_token; the event name is only
in x-salesloft-event. The token below is a placeholder, not a secret. Expectations are by hand.
Run from the repository root: python3 dev/fixture-generators/make-salesloft-fixtures.py"""
import copy, hashlib, hmac, json, os

OUT = 'test/fixtures/salesloft'
SRC = 'Salesloft Meetings API field list (developers.salesloft.com/docs/api/meetings) and webhook delivery headers (developers.salesloft.com/docs/platform/webhooks/delivery-headers); illustrative values from research §7.3'
TOKEN = 'fixture-callback-token-not-a-secret'

meeting = {
  "id": 1001, "title": "Intro call",
  "start_time": "2025-04-10T15:00:00.000000-04:00", "end_time": "2025-04-10T15:30:00.000000-04:00",
  "calendar_id": "rep@example.com", "calendar_type": "gmail", "meeting_type": "Intro",
  "recipient_name": "Jane Doe", "recipient_email": "Jane@Example.com",
  "location": "https://zoom.us/j/000", "description": "", "event_id": "abc123", "account_id": "12", "task_id": None,
  "created_at": "2025-04-01T10:00:00.000000-04:00", "updated_at": "2025-04-01T10:00:00.000000-04:00",
  "guests": ["jane@example.com"],
  "attendees": [{"email": "jane@example.com", "name": "Jane Doe", "status": "needsAction", "organizer": False},
                {"email": "rep@example.com", "name": "Rita Rep", "status": "accepted", "organizer": True}],
  "status": "booked", "reschedule_status": None, "canceled_at": None, "all_day": False, "no_show": False,
  "event_source": "external", "crm_references": {},
  "person": {"id": 5555, "_href": "https://api.salesloft.com/v2/people/5555"},
  "cadence": {"id": 77, "_href": "https://api.salesloft.com/v2/cadences/77"},
  "step": {"id": 88, "_href": "https://api.salesloft.com/v2/steps/88"},
}
meeting_expect = {
  "id": "salesloft:meeting_booked:1001", "event": "meeting_booked", "tool": "salesloft",
  "occurred_at": "2025-04-01T14:00:00.000Z",
  "lead": {"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "full_name": "Jane Doe", "tool_lead_id": "5555"},
  "campaign": {"id": "77", "name": None}, "message": None, "category": "booked",
  "meeting": {"id": "1001", "title": "Intro call", "start_time": "2025-04-10T19:00:00.000Z", "end_time": "2025-04-10T19:30:00.000Z",
              "join_url": "https://zoom.us/j/000", "location": "https://zoom.us/j/000", "organizer_email": "rep@example.com",
              "rescheduled": False},
}

email_activity = {
  "id": 2002, "created_at": "2025-04-02T09:00:00.000000Z", "updated_at": "2025-04-03T11:12:13.000000Z",
  "recipient_email_address": "bo@example.com", "status": "sent", "bounced": False, "sent_at": "2025-04-02T09:05:00.000000Z",
  "send_after": None, "click_tracking": True, "view_tracking": True, "personalization": "33.3", "subject": "Quick question",
  "counts": {"clicks": 0, "views": 2, "replies": 1, "unique_devices": 1, "unique_locations": 1, "attachments": 0},
  "recipient": {"id": 6666, "_href": "https://api.salesloft.com/v2/people/6666"},
  "cadence": {"id": 77, "_href": "https://api.salesloft.com/v2/cadences/77"},
  "step": {"id": 88, "_href": "https://api.salesloft.com/v2/steps/88"},
  "user": {"id": 1, "_href": "https://api.salesloft.com/v2/users/1"},
}

def compact(body):
  return json.dumps(body, separators=(',', ':'), ensure_ascii=False)

def sign(raw, token=TOKEN):
  return hmac.new(token.encode(), raw.encode(), hashlib.sha1).hexdigest()

def write(name, description, raw, headers, subscription=None, expect=None, expect_error=None):
  fixture = {"tool": "salesloft", "description": description, "source": SRC,
             "request": {"method": "POST", "headers": {"content-type": "application/json", **headers}, "querystring": {}, "rawBody": raw},
             "received_at": "2025-04-01T14:00:05.000Z", "subscription": subscription or {}, "inputData": {}, "http": []}
  if expect_error is not None:
    fixture["expect_error"] = expect_error
  else:
    fixture["expect"] = expect or []
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fixture, f, indent=2, ensure_ascii=False)
    f.write('\n')

os.makedirs(OUT, exist_ok=True)
sub = {"id": "4321", "secret": TOKEN}
raw = compact(meeting)

write('meeting_booked_signed', 'meeting_booked, signed with the subscription callback_token → one Meeting Booked event',
      raw, {"x-salesloft-event": "meeting_booked", "x-salesloft-signature": sign(raw)}, sub, expect=[meeting_expect])
write('meeting_booked_upper_case_signature', 'the same delivery with the hex digest in upper case → accepted',
      raw, {"x-salesloft-event": "meeting_booked", "x-salesloft-signature": sign(raw).upper()}, sub, expect=[{"id": "salesloft:meeting_booked:1001"}])
write('meeting_booked_no_subscription_secret', 'meeting_booked handed over without a subscription (Normalize Webhook): no signature to check',
      raw, {"x-salesloft-event": "meeting_booked"}, None, expect=[{"id": "salesloft:meeting_booked:1001", "event": "meeting_booked"}])
write('meeting_booked_wrong_token', 'signed with another token → refused',
      raw, {"x-salesloft-event": "meeting_booked", "x-salesloft-signature": sign(raw, 'another-token')}, sub,
      expect_error='signature does not match')
write('meeting_booked_missing_signature', 'no x-salesloft-signature while the subscription has a token → refused',
      raw, {"x-salesloft-event": "meeting_booked"}, sub, expect_error='x-salesloft-signature header is missing')
pretty = json.dumps(meeting, indent=2)
write('meeting_booked_reserialised_body', 'signature of the compact body, but the body arrives re-serialised → refused',
      pretty, {"x-salesloft-event": "meeting_booked", "x-salesloft-signature": sign(raw)}, sub, expect_error='signature does not match')

resched = copy.deepcopy(meeting)
resched.update({"id": 1002, "reschedule_status": "booked", "cadence": None, "location": "Room 4",
                "recipient_email": None, "recipient_name": None})
raw2 = compact(resched)
write('meeting_booked_rescheduled_no_cadence', 'a rescheduled meeting outside any cadence, recipient only among the attendees',
      raw2, {"x-salesloft-event": "meeting_booked", "x-salesloft-signature": sign(raw2)}, sub,
      expect=[{"id": "salesloft:meeting_booked:1002", "campaign": None,
               "lead": {"email": "jane@example.com", "full_name": "Jane Doe"},
               "meeting": {"rescheduled": True, "join_url": None, "location": "Room 4", "organizer_email": "rep@example.com"}}])

write('meeting_updated_ignored', 'meeting_updated of a meeting still booked (canceled_at null): no booking, no cancellation → no event',
      raw, {"x-salesloft-event": "meeting_updated", "x-salesloft-signature": sign(raw)}, sub, expect=[])

# Meeting Canceled: the Meetings API documents `canceled_at` ("Datetime of when the meeting was
# canceled"); its status list (pending / booked / failed / retry) has no canceled value, so the
# status is left as Salesloft sends it. Written by hand from that field list.
canceled = copy.deepcopy(meeting)
canceled.update({"canceled_at": "2025-04-05T09:30:00.000000-04:00", "updated_at": "2025-04-05T09:30:01.000000-04:00"})
raw4 = compact(canceled)
canceled_expect = copy.deepcopy(meeting_expect)
canceled_expect.update({"id": "salesloft:meeting_canceled:1001", "event": "meeting_canceled", "occurred_at": "2025-04-05T13:30:00.000Z"})
canceled_expect["meeting"].update({"rescheduled": False, "canceled_by": None, "cancel_reason": None})
write('meeting_updated_canceled', 'meeting_updated with canceled_at set → one Meeting Canceled (who and why unknown in Salesloft), same id as polling',
      raw4, {"x-salesloft-event": "meeting_updated", "x-salesloft-signature": sign(raw4)}, sub, expect=[canceled_expect])
moved = copy.deepcopy(canceled)
moved.update({"reschedule_status": "pending"})
raw5 = compact(moved)
write('meeting_updated_canceled_for_reschedule', 'canceled_at set while a reschedule is in progress (reschedule_status pending): the meeting moves, it does not end → no event',
      raw5, {"x-salesloft-event": "meeting_updated", "x-salesloft-signature": sign(raw5)}, sub, expect=[])
noshow = copy.deepcopy(meeting)
noshow.update({"no_show": True, "updated_at": "2025-04-10T20:00:00.000000-04:00"})
raw6 = compact(noshow)
write('meeting_updated_no_show', 'meeting_updated marking a no-show (no_show true, canceled_at null): not a cancellation → no event',
      raw6, {"x-salesloft-event": "meeting_updated", "x-salesloft-signature": sign(raw6)}, sub, expect=[])
write('meeting_updated_canceled_wrong_token', 'a canceled meeting_updated signed with another token → refused',
      raw4, {"x-salesloft-event": "meeting_updated", "x-salesloft-signature": sign(raw4, 'another-token')}, sub, expect_error='signature does not match')
write('unknown_event', 'an event name Salesloft does not document → error',
      raw, {"x-salesloft-event": "meeting.booked", "x-salesloft-signature": sign(raw)}, sub, expect_error='unknown event meeting.booked')
write('no_event_header', 'a body without x-salesloft-event → error naming the header',
      raw, {}, None, expect_error='no x-salesloft-event header')

raw3 = compact(email_activity)
write('email_updated_replied', 'an email_updated object with a reply counted (handed over by hand) → Reply Received, same id as polling',
      raw3, {"x-salesloft-event": "email_updated"}, None,
      expect=[{"id": "salesloft:reply_received:2002", "event": "reply_received", "occurred_at": "2025-04-03T11:12:13.000Z",
               "lead": {"email": "bo@example.com", "tool_lead_id": "6666"}, "campaign": {"id": "77", "name": None},
               "message": {"id": "2002", "subject": "Quick question", "from_email": "bo@example.com"}}])
