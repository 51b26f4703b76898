#!/usr/bin/env python3
"""Writes test/fixtures/replyio/*.json from Reply.io's documented webhook shapes.
Shape A: docs.reply.io "Webhook event payloads" (event envelope + flat snake_case fields).
Shape B: the older v3 sample (event/subscription/payload/attempt), research §3.3.
Envelope values (event id, dates, ids) are the vendor's own example values; fields the docs
do not show verbatim are marked illustrative in `source`. Expected values written by hand.
Run from the repository root: python3 dev/fixture-generators/make-replyio-fixtures.py"""
import json, os

OUT = 'test/fixtures/replyio'
SECRET = 'fixture-url-secret-not-real'
DOC_A = 'docs.reply.io/webhook-event-payloads (envelope and contact_fields/sequence_fields blocks; event-specific field names illustrative)'
DOC_B = 'docs.reply.io v3 GET /v3/webhook-events sample shape (research §3.3); values illustrative'
RECEIVED = '2026-04-21T09:30:05.000Z'

def env(type_, id_='4c1b9e74-5ac3-4b0f-9a60-2a37a9b4a2d1', date='2026-04-21T09:30:00.000Z'):
  return {"date": date, "id": id_, "type": type_, "user_id": 1234, "team_id": 100, "subscription_id": 42}

CONTACT = {"id": 12345, "email": "Prospect@Example.com", "first_name": "Test", "last_name": "Prospect"}
SEQ = {"id": 555, "name": "Q2 outbound", "step_number": 2}
LEAD = {"email": "prospect@example.com", "first_name": "Test", "last_name": "Prospect", "full_name": "Test Prospect", "tool_lead_id": "12345"}
CAMPAIGN = {"id": "555", "name": "Q2 outbound"}

def write(name, description, body, expect=None, expect_error=None, inputData=None, secret=True, qs_secret=SECRET, source=DOC_A):
  fx = {"tool": "replyio", "description": description, "source": source,
        "request": {"method": "POST", "headers": {"content-type": "application/json"},
                    "querystring": ({"sc_secret": qs_secret} if qs_secret else {}), "body": body},
        "received_at": RECEIVED,
        "subscription": ({"id": "42", "secret": SECRET} if secret else {"id": "42"}),
        "inputData": inputData or {}}
  if expect_error is not None: fx["expect_error"] = expect_error
  else: fx["expect"] = expect or []
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fx, f, indent=2); f.write('\n')

os.makedirs(OUT, exist_ok=True)

reply_a = {"event": env("email_replied"), "contact_fields": CONTACT, "sequence_fields": SEQ,
           "reply_reason": "EmailDetected", "reply_message_url": "https://example.com/reply-message",
           "email_text": "Sounds good, let's talk next week."}
write('email_replied_shape_a', 'email_replied, documented envelope (shape A); the prospect wrote, email lower-cased, URL secret checked',
  reply_a, [{"event": "reply_received", "tool": "replyio", "id": "replyio:reply_received:4c1b9e74-5ac3-4b0f-9a60-2a37a9b4a2d1",
             "occurred_at": "2026-04-21T09:30:00.000Z", "lead": LEAD, "campaign": CAMPAIGN,
             "message": {"from_email": "prospect@example.com", "text": "Sounds good, let's talk next week.", "sent_at": "2026-04-21T09:30:00.000Z"},
             "category": "EmailDetected", "meeting": None}])

manual = {"event": env("email_replied", id_="0b7d3a52-1111-4222-8333-944445555666", date="2026-04-22T10:00:00.000Z"),
          "contact_fields": CONTACT, "sequence_fields": {}, "reply_reason": "MarkedManually"}
write('email_replied_manual_no_sequence', 'email_replied marked by a user outside any sequence: sequence_fields empty → campaign null',
  manual, [{"event": "reply_received", "id": "replyio:reply_received:0b7d3a52-1111-4222-8333-944445555666",
            "campaign": None, "category": "MarkedManually", "lead": {"email": "prospect@example.com"}}])

reply_b = {"event": {"id": "9d2f5c10-2222-4333-8444-a55556666777", "type": "email_replied", "timestamp": "2026-04-21T09:30:00Z"},
           "subscription": {"id": 1823, "workspaceId": 100},
           "payload": {"contact": {"id": 12345, "email": "jane@example.com", "firstName": "Jane", "lastName": "Doe", "fullName": "Jane Doe", "title": "CTO", "company": "Example Inc"},
                       "sequence": {"id": 555, "stepNumber": 2}, "customFields": {},
                       "data": {"replyMessageId": "msg-7f3a", "replyDate": "2026-04-21T09:29:58Z", "sentEmailId": 987, "emailAccountId": 77}},
           "attempt": 1}
write('email_replied_shape_b', 'email_replied in the event/subscription/payload/attempt shape (shape B)', reply_b,
  [{"event": "reply_received", "id": "replyio:reply_received:9d2f5c10-2222-4333-8444-a55556666777",
    "occurred_at": "2026-04-21T09:30:00.000Z",
    "lead": {"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "full_name": "Jane Doe", "title": "CTO", "company": "Example Inc", "tool_lead_id": "12345"},
    "campaign": {"id": "555", "name": None},
    "message": {"id": "msg-7f3a", "from_email": "jane@example.com", "sent_at": "2026-04-21T09:29:58.000Z"}}], source=DOC_B)

cat = lambda category, id_: {"event": env("reply_categorized", id_=id_, date="2026-04-21T11:00:00.000Z"),
                             "contact_fields": CONTACT, "sequence_fields": SEQ, "category": category}
write('reply_categorized_interested', 'reply_categorized with category Interested → Lead Interested (default categories)',
  cat("Interested", "5e8a1c33-3333-4444-8555-b66667777888"),
  [{"event": "lead_interested", "id": "replyio:lead_interested:5e8a1c33-3333-4444-8555-b66667777888",
    "occurred_at": "2026-04-21T11:00:00.000Z", "category": "Interested", "lead": LEAD, "campaign": CAMPAIGN, "message": None}])
write('reply_categorized_not_interested', 'reply_categorized with a category outside the interested list → no event',
  cat("Not interested", "6f9b2d44-4444-4555-8666-c77778888999"), [])
write('reply_categorized_custom_list', 'reply_categorized, category given as an object, counted via the trigger\'s own list (case-insensitive)',
  cat({"id": 3, "name": "Positive"}, "7a0c3e55-5555-4666-8777-d88889999000"),
  [{"event": "lead_interested", "category": "Positive"}], inputData={"interested_categories": ["positive", "Interested"]})

meeting = {"event": env("meeting_booked", id_="8b1d4f66-6666-4777-8888-e99990000111", date="2026-04-23T08:15:00.000Z"),
           "contact_fields": CONTACT, "sequence_fields": SEQ,
           "meeting_fields": {"id": "m-901", "title": "Intro call", "start_time": "2026-04-25T15:00:00.000Z", "end_time": "2026-04-25T15:30:00.000Z",
                              "meeting_url": "https://meet.example.com/abc", "organizer_email": "Rep@Example.com"}}
write('meeting_booked', 'meeting_booked from the legacy catalogue (docs.reply.io/essentials/webhook-events; the v3 catalogue has no meeting event, so Meeting Booked is unsupported for Reply.io and never subscribed): still read, e.g. by Normalize Webhook; meeting field names illustrative', meeting,
  [{"event": "meeting_booked", "id": "replyio:meeting_booked:8b1d4f66-6666-4777-8888-e99990000111", "occurred_at": "2026-04-23T08:15:00.000Z",
    "lead": {"email": "prospect@example.com"}, "campaign": CAMPAIGN,
    "meeting": {"id": "m-901", "title": "Intro call", "start_time": "2026-04-25T15:00:00.000Z", "end_time": "2026-04-25T15:30:00.000Z",
                "join_url": "https://meet.example.com/abc", "organizer_email": "rep@example.com", "rescheduled": False}}])

bounce = {"event": env("email_bounced", id_="9c2e5a77-7777-4888-8999-f00001111222", date="2026-04-20T07:00:00.000Z"),
          "contact_fields": CONTACT, "sequence_fields": SEQ, "bounce_type": "Hard", "bounce_reason": "550 5.1.1 User unknown"}
write('email_bounced_hard', 'email_bounced with bounce type "Hard" (PascalCase enum, per the docs\' conventions)', bounce,
  [{"event": "email_bounced", "id": "replyio:email_bounced:9c2e5a77-7777-4888-8999-f00001111222", "occurred_at": "2026-04-20T07:00:00.000Z",
    "category": "Hard", "lead": {"email": "prospect@example.com"}, "campaign": CAMPAIGN,
    "message": {"text": "550 5.1.1 User unknown", "to_email": "prospect@example.com"}}])

unsub = {"event": env("email_unsubscribed", id_="ad3f6b88-8888-4999-8aaa-011112222333", date="2026-04-24T12:00:00.000Z"),
         "contact_fields": CONTACT, "sequence_fields": SEQ}
write('email_unsubscribed', 'email_unsubscribed (legacy catalogue; v3 subscribes contact_opted_out) → Lead Unsubscribed', unsub,
  [{"event": "lead_unsubscribed", "id": "replyio:lead_unsubscribed:ad3f6b88-8888-4999-8aaa-011112222333",
    "occurred_at": "2026-04-24T12:00:00.000Z", "lead": LEAD, "campaign": CAMPAIGN, "message": None}])

optout_b = {"event": {"id": "be4a7c99-9999-4aaa-8bbb-122223333444", "type": "contact_opted_out", "timestamp": "2026-04-24T12:05:00Z"},
            "subscription": {"id": 1830, "workspaceId": 100},
            "payload": {"contact": {"id": 12345, "email": "jane@example.com", "firstName": "Jane", "lastName": "Doe"}, "data": {}},
            "attempt": 2}
write('contact_opted_out_shape_b', 'contact_opted_out (newer catalog name for the opt-out event), shape B, second attempt', optout_b,
  [{"event": "lead_unsubscribed", "id": "replyio:lead_unsubscribed:be4a7c99-9999-4aaa-8bbb-122223333444",
    "occurred_at": "2026-04-24T12:05:00.000Z", "campaign": None, "lead": {"email": "jane@example.com", "tool_lead_id": "12345"}}], source=DOC_B)

opened = {"event": env("email_opened", id_="cf5b8daa-aaaa-4bbb-8ccc-233334444555"), "contact_fields": CONTACT, "sequence_fields": SEQ}
write('email_opened_ignored', 'email_opened is a documented Reply.io event with no unified counterpart → no event, no error', opened, [])

write('url_secret_wrong', 'a delivery whose URL secret is not the subscription\'s is refused', reply_a,
  expect_error='URL secret is missing or wrong', qs_secret='not-the-secret')
write('url_secret_missing', 'a delivery without the URL secret is refused', reply_a,
  expect_error='URL secret is missing or wrong', qs_secret=None)
write('unrecognised_payload', 'a body that is no Reply.io payload: an error naming the tool and the keys', {"hello": "world", "id": 1},
  expect_error='did not recognise this Reply.io webhook delivery (top-level keys: hello, id)', source='hand-written negative case')
write('unknown_event_type', 'an envelope with an event type Reply.io does not document is refused, not dropped',
  {"event": env("prospect_teleported"), "contact_fields": CONTACT}, expect_error='unknown event type prospect_teleported', source='hand-written negative case')

# --- Sequence Finished (issue 10): contact_finished, v3 catalogue "contact lifecycle" -----------------
# docs.reply.io/webhook-events lists contact_finished; its body follows the documented envelope with
# contact_fields / sequence_fields. The finish-reason field name and values are NOT shown verbatim in
# any source we could read: `finish_reason` with PascalCase values (the docs' enum convention) and the
# legacy numeric codes (0 Replied, 1 Bounced, 2 Manual, 3 Finished after days, 4 Called, 5 Opt-out,
# 6 Meeting booked — Pipedream reply_io) are illustrative.
DOC_FINISHED = 'docs.reply.io/webhook-events (contact_finished) + webhook-event-payloads envelope; finish_reason name and values illustrative (UNCONFIRMED)'
def finished(id_, reason=None, extra=None, date='2026-04-26T06:00:00.000Z'):
  body = {"event": env("contact_finished", id_=id_, date=date), "contact_fields": CONTACT, "sequence_fields": SEQ}
  if reason is not None: body["finish_reason"] = reason
  body.update(extra or {})
  return body

write('contact_finished_after_days', 'contact_finished after the last step without a reply (FinishedAfterDays) → Sequence Finished, category = the reason',
  finished("d1a2b3c4-0001-4aaa-8bbb-000000000001", "FinishedAfterDays"),
  [{"event": "sequence_finished", "tool": "replyio", "id": "replyio:sequence_finished:d1a2b3c4-0001-4aaa-8bbb-000000000001",
    "occurred_at": "2026-04-26T06:00:00.000Z", "lead": LEAD, "campaign": CAMPAIGN, "message": None, "meeting": None,
    "category": "FinishedAfterDays"}], source=DOC_FINISHED)
write('contact_finished_no_reason', 'contact_finished without any reason field → Sequence Finished with category "Finished"',
  finished("d1a2b3c4-0002-4aaa-8bbb-000000000002"),
  [{"event": "sequence_finished", "id": "replyio:sequence_finished:d1a2b3c4-0002-4aaa-8bbb-000000000002", "category": "Finished",
    "lead": {"email": "prospect@example.com", "tool_lead_id": "12345"}, "campaign": CAMPAIGN}], source=DOC_FINISHED)
write('contact_finished_legacy_code_3', 'contact_finished with the legacy numeric reason 3 (finished after days) → Sequence Finished, category FinishedAfterDays',
  finished("d1a2b3c4-0003-4aaa-8bbb-000000000003", 3),
  [{"event": "sequence_finished", "id": "replyio:sequence_finished:d1a2b3c4-0003-4aaa-8bbb-000000000003", "category": "FinishedAfterDays"}], source=DOC_FINISHED)
write('contact_finished_replied', 'must not fire: contact_finished because the contact replied (Replied) → no event', finished("d1a2b3c4-0004-4aaa-8bbb-000000000004", "Replied"), [], source=DOC_FINISHED)
write('contact_finished_bounced_code', 'must not fire: contact_finished with legacy reason 1 (bounced) → no event', finished("d1a2b3c4-0005-4aaa-8bbb-000000000005", "1"), [], source=DOC_FINISHED)
write('contact_finished_opted_out', 'must not fire: contact_finished because the contact opted out (OptedOut) → no event', finished("d1a2b3c4-0006-4aaa-8bbb-000000000006", "OptedOut"), [], source=DOC_FINISHED)
write('contact_finished_replied_flag', 'must not fire: contact_finished without a reason but flagged is_replied → no event',
  finished("d1a2b3c4-0007-4aaa-8bbb-000000000007", extra={"is_replied": True}), [], source=DOC_FINISHED)
write('contact_finished_manual', 'must not fire: finished by hand (Manual, e.g. Stop Sequence "mark as finished") is not reaching the end → no event',
  finished("d1a2b3c4-0008-4aaa-8bbb-000000000008", "Manual"), [], source=DOC_FINISHED)
