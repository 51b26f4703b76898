#!/usr/bin/env python3
"""Writes test/fixtures/mixmax/*.json from the vendor's documented rule-webhook payloads
(success.mixmax.com "Mixmax Webhook event structure"). Mixmax cannot register these webhooks
through its API, so they reach the app through the Normalize Webhook action (no subscription,
no secret). Expected values are written by hand from the documented examples.
Run from the repository root: python3 dev/fixture-generators/make-mixmax-fixtures.py"""
import json, os

OUT = 'test/fixtures/mixmax'
DOC = 'success.mixmax.com/en/articles/8066486 (Mixmax Webhook event structure), vendor example values'
RECEIVED = '2016-12-14T20:00:00.000Z'

def write(name, description, body, expect=None, expect_error=None, source=DOC):
  fx = {"tool": "mixmax", "description": description, "source": source,
        "request": {"method": "POST", "headers": {"content-type": "application/json"}, "querystring": {}, "body": body},
        "received_at": RECEIVED, "subscription": {}, "inputData": {}}
  if expect_error is not None: fx["expect_error"] = expect_error
  else: fx["expect"] = expect or []
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fx, f, indent=2); f.write('\n')

os.makedirs(OUT, exist_ok=True)

sent = {"userId": "T3STUS3R1D", "to": [{"email": "engtestuser3@mixmax.com", "name": "Test User3"}], "cc": [], "bcc": [],
        "from": {"email": "engtestuser2@mixmax.com", "name": "Test User2"}, "subject": "Please join me ", "sent": 1481745125403,
        "id": "16ac8cc837d1b304", "threadId": "16008541212e8a32",
        "rfc822Id": "<CAHfzPxo09WCKrtyPRM9g+60za4+0cHffwyT0vf867Pp=ehrfQ@mail.gmail.com>",
        "receivedBy": {"email": "engtestuser2@mixmax.com", "name": "Test User2"},
        "plaintextBody": "Please join me for a meeting. \n--\nEngineering Test", "eventName": "message:sent"}
received = {"userId": "T3STUS3R1D", "to": [{"email": "engtestuser2@mixmax.com", "name": "Test User2"}], "cc": [], "bcc": [],
            "from": {"email": "engtestuser3@mixmax.com", "name": "Test User3"}, "subject": "Re: Please join me ", "sent": 1481745135403,
            "id": "16ac8cc837d1b304", "threadId": "16008541212e8a32",
            "rfc822Id": "<CAHfzPxo09WCKrtyPRM9g+60z9d+0cHffwyT0vf867Pp=ehrfQ@mail.gmail.com>",
            "receivedBy": {"email": "engtestuser2@mixmax.com", "name": "Test User2"},
            "plaintextBody": "this is the body of a received email\r\n", "eventName": "message:received"}
opened = {"message": {"to": [{"name": "Test User3", "email": "engtestuser3@mixmax.com"}], "cc": [], "bcc": [], "subject": "Please join me "},
          "userId": "T3STUS3R1D", "messageId": "VyfSqbL195O0z8VK6L", "recipientEmail": "engtestuser3@mixmax.com", "recipientName": "Test User3",
          "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_5) AppleWebKit/600.8.9 (KHTML, like Gecko)",
          "timestamp": 1481746916300, "ipAddress": "::ffff:127.0.0.1", "eventName": "opened"}
clicked = dict(opened, messageId="OsQNJX4bY95SauarLt", eventName="clicked",
               message={"to": [{"name": "Test User2", "email": "engtestuser2@mixmax.com"}], "cc": [], "bcc": [], "subject": "A link for you"},
               recipientEmail="engtestuser2@mixmax.com", recipientName="Test User2")

write('message_received_reply', 'message:received from the prospect → Reply Received; the writer (from) is the lead, our mailbox is receivedBy',
  received, [{"event": "reply_received", "tool": "mixmax", "id": "mixmax:reply_received:16ac8cc837d1b304",
              "occurred_at": "2016-12-14T19:52:15.403Z", "campaign": None, "category": None,
              "lead": {"email": "engtestuser3@mixmax.com", "first_name": "Test", "last_name": "User3", "full_name": "Test User3"},
              "message": {"id": "16ac8cc837d1b304", "thread_id": "16008541212e8a32", "subject": "Re: Please join me",
                          "text": "this is the body of a received email", "from_email": "engtestuser3@mixmax.com",
                          "to_email": "engtestuser2@mixmax.com", "sent_at": "2016-12-14T19:52:15.403Z"}}])
own = dict(received, **{"from": {"email": "EngTestUser2@mixmax.com", "name": "Test User2"}})
write('message_received_own_mailbox', 'message:received written by our own mailbox (e.g. a note to self) is no reply → no event', own, [])
write('message_sent_ignored', 'message:sent is a documented event with no unified counterpart → no event', sent, [])
write('opened_ignored', 'opened (tracking) → no event', opened, [])
write('clicked_ignored', 'clicked (tracking) → no event', clicked, [])

bounce_msg = {"userId": "5bedd41b3303c50f616e2b49", "to": [{"email": "papamixmax@gmail.com", "name": ""}], "cc": [], "bcc": [],
              "from": {"email": "mailer-daemon@googlemail.com", "name": "Mail Delivery Subsystem"},
              "subject": "Delivery Status Notification (Failure)", "sent": 1641990000000, "id": "17e4b0c1d2e3f405", "threadId": "17e4b0aa00000001",
              "receivedBy": {"email": "papamixmax@gmail.com", "name": ""},
              "plaintextBody": "Address not found\r\nYour message wasn't delivered to Nobody@Example.com because the address couldn't be found.",
              "eventName": "message:received"}
write('bounce_as_received_message', 'the documented bounce example (a message from the mailer daemon; its eventName is cut off in the docs) sent as message:received → Email Bounced, not a reply',
  bounce_msg, [{"event": "email_bounced", "id": "mixmax:email_bounced:17e4b0c1d2e3f405", "occurred_at": "2022-01-12T12:20:00.000Z",
                "lead": {"email": "nobody@example.com"},
                "message": {"from_email": "mailer-daemon@googlemail.com", "to_email": "papamixmax@gmail.com", "subject": "Delivery Status Notification (Failure)"}}],
  source=DOC + '; sent/id/body illustrative (truncated in the source)')
write('bounce_named_event', 'the same bounce with an eventName naming a bounce (name UNCONFIRMED) → Email Bounced',
  dict(bounce_msg, eventName="message:bounced"), [{"event": "email_bounced", "id": "mixmax:email_bounced:17e4b0c1d2e3f405", "lead": {"email": "nobody@example.com"}}],
  source=DOC + '; eventName UNCONFIRMED')

write('unrecognised_payload', 'a body that is no Mixmax rule payload: an error naming the tool and the keys', {"hello": "world"},
  expect_error='did not recognise this Mixmax webhook delivery (top-level keys: hello)', source='hand-written negative case')
write('unknown_event_name', 'an eventName Mixmax does not document is refused, not dropped', dict(sent, eventName="meeting:teleported"),
  expect_error='unknown eventName meeting:teleported', source='hand-written negative case')
write('received_without_time', 'message:received without its "sent" time is refused (no invented timestamp)',
  {k: v for k, v in received.items() if k != 'sent'}, expect_error='carries no usable "sent" or "timestamp" time', source='hand-written negative case')

# A bounce in the tracking shape (opened / clicked: messageId, recipientEmail, timestamp, message) —
# whether Mixmax sends bounces this way is UNCONFIRMED; without "sent" / "id" the event's
# timestamp and messageId are used instead of refusing it.
write('bounce_tracking_shape', 'a bounce without "sent" or "id" (the tracking shape): occurred_at from timestamp, id from messageId → Email Bounced',
  dict(opened, eventName="bounced", messageId="BncQNJX4bY95SauarLt", recipientEmail="Nobody@Example.com", recipientName="No Body"),
  [{"event": "email_bounced", "id": "mixmax:email_bounced:BncQNJX4bY95SauarLt", "occurred_at": "2016-12-14T20:21:56.300Z",
    "lead": {"email": "nobody@example.com", "full_name": "No Body", "first_name": "No", "last_name": "Body"},
    "message": {"id": "BncQNJX4bY95SauarLt", "subject": "Please join me", "text": None}}],
  source=DOC + ' (the "opened" example\'s fields); eventName and this shape for bounces UNCONFIRMED')
write('received_empty_id', 'message:received whose id is "" (blank): the id falls back to rfc822Id instead of a shared empty key',
  dict(received, id=""), [{"event": "reply_received", "message": {"id": received["rfc822Id"]}}],
  source=DOC + '; id blanked by hand')
