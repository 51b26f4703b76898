#!/usr/bin/env python3
"""Writes test/fixtures/smartlead/*.json from Smartlead's documented payloads
(engagement-apis research §1.3: the API reference's "Capturing Email Replies" example and the
help-site field tables). Expectations are written by hand from those docs.
Run from the repository root: python3 dev/fixture-generators/make-smartlead-fixtures.py"""
import copy, json, os

OUT = 'test/fixtures/smartlead'
DOC_REPLY = 'Smartlead API reference "Email Reply Webhooks / Capturing Email Replies" (api.smartlead.ai), obfuscated emails replaced by @example.com'
DOC_CAT = 'help.smartlead.ai "Lead Category Updated" payload page (field table; illustrative values)'
DOC_BOUNCE = 'help.smartlead.ai "Email Bounce" payload page (field list; illustrative values)'
DOC_UNSUB = 'help.smartlead.ai "Lead Unsubscribed" payload page (documented example start; remaining fields illustrative)'

reply = {
  "campaign_status": "COMPLETED", "stats_id": "a891fe37-c45d-21e8-67ba-fcd44e9c33a8",
  "sl_email_lead_id": "1482956", "sl_email_lead_map_id": 1438627, "sl_lead_email": "james.parker@example.com",
  "from_email": "sender@example.com", "cc_emails": [], "subject": "Some more conversions?",
  "to_email": "james.parker@example.com", "to_name": "James Parker",
  "time_replied": "2025-03-28T09:35:01+00:00", "event_timestamp": "2025-03-28T09:35:01+00:00",
  "message_id": "<BDD5kUwc77maSjLRv2gmq35VkzEF9K4L3csPPCVx8e5kWbUnrsD@mail.gmail.com>",
  "preview_text": "webhook reply\n", "campaign_name": "email sent", "campaign_id": 9181, "sequence_number": 1,
  "secret_key": "4f7c8d23-a619-58c2-93g6-72936ee16f38",
  "app_url": "https://app.smartlead.ai/app/master-inbox?leadMap=1438627",
  "ui_master_inbox_link": "https://app.smartlead.ai/app/master-inbox?leadMap=1438627",
  "description": "james.parker@example.com replied to Email 1 for campaign - email sent ",
  "metadata": {"webhook_created_at": "2025-03-28T08:14:40.843Z"},
  "leadCorrespondence": {"targetLeadEmail": "james.parker@example.com", "replyReceivedFrom": "colleague@other-example.com", "repliedCompanyDomain": "DifferentCompany"},
  "webhook_url": "https://webhook.site/35def789-4c28-3951-ef12-7abc9d3254cd", "webhook_id": 799, "webhook_name": "user",
  "event_type": "EMAIL_REPLY"
}
reply_expect = {
  "event": "reply_received", "tool": "smartlead", "occurred_at": "2025-03-28T09:35:01.000Z",
  "lead": {"email": "james.parker@example.com", "first_name": "James", "last_name": "Parker", "full_name": "James Parker", "tool_lead_id": "1482956"},
  "campaign": {"id": "9181", "name": "email sent"},
  "message": {"id": "<BDD5kUwc77maSjLRv2gmq35VkzEF9K4L3csPPCVx8e5kWbUnrsD@mail.gmail.com>", "subject": "Some more conversions?",
              "text": "webhook reply", "from_email": "colleague@other-example.com", "to_email": "sender@example.com",
              "sent_at": "2025-03-28T09:35:01.000Z"},
  "meeting": None, "category": None,
}

category = {
  "webhook_id": 101, "webhook_name": "Interested leads", "webhook_url": "https://hooks.zapier.com/hooks/standard/1/abc/",
  "event_type": "LEAD_CATEGORY_UPDATED", "created_at": "2025-04-01T10:00:00.000Z", "event_timestamp": "2025-04-01T10:00:00.000Z",
  "lead_id": 2001, "from_email": "sender@example.com", "to_email": "jane@example.com", "lead_email": "jane@example.com",
  "to_name": "Jane Doe", "lead_name": "Jane Doe", "campaign_id": 9181, "campaign_name": "Q2 outbound", "campaign_status": "ACTIVE",
  "category": "Interested", "lead_category_id": 1,
  "lead_category": {"old_id": None, "old_name": None, "new_id": 1, "new_name": "Interested"},
  "lead_data": {"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "linkedin_profile": "", "custom_fields": {},
                "phone_number": "", "company_name": "Example Inc", "website": "", "location": "", "company_url": ""},
  "history": [
    {"stats_id": "s-1", "type": "SENT", "message_id": "<m1@example.com>", "time": "2025-03-30T09:00:00.000Z", "email_body": "<p>Hi Jane</p>", "subject": "Quick question"},
    {"stats_id": "s-1", "type": "REPLY", "message_id": "<m2@example.com>", "time": "2025-04-01T09:55:00.000Z", "email_body": "<p>Sounds good</p>", "subject": "Re: Quick question"}],
  "last_reply": {"message_id": "<m2@example.com>", "email_body": "<p>Sounds good</p>", "time": "2025-04-01T09:55:00.000Z"},
  "client_id": None, "secret_key": "00000000-0000-0000-0000-000000000000",
  "app_url": "https://app.smartlead.ai/app/master-inbox?leadMap=1438627",
  "ui_master_inbox_link": "https://app.smartlead.ai/app/master-inbox?leadMap=1438627",
  "description": "Lead category updated", "metadata": {"webhook_created_at": "2025-03-28T08:14:40.843Z"}
}
lead_jane = {"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "full_name": "Jane Doe", "company": "Example Inc",
             "phone": None, "linkedin_url": None, "tool_lead_id": "2001"}

bounce = {
  "webhook_id": 102, "webhook_name": "Bounces", "webhook_url": "https://hooks.zapier.com/hooks/standard/1/abc/",
  "stats_id": "b-77", "event_type": "EMAIL_BOUNCE", "created_at": "2025-04-03T08:00:05.000Z",
  "time_sent": "2025-04-03T07:59:00.000Z", "event_timestamp": "2025-04-03T08:00:00.000Z",
  "from_email": "sender@example.com", "to_email": "Nobody@Example.com", "to_name": "No Body", "subject": "Quick question",
  "campaign_id": 9181, "campaign_name": "Q2 outbound", "campaign_status": "ACTIVE", "sequence_number": 1,
  "sent_message": {"message_id": "<sent-1@example.com>", "html": "<p>Hi</p>", "text": "Hi", "time": "2025-04-03T07:59:00.000Z"},
  "message_id": "<sent-1@example.com>", "client_id": None, "app_url": "https://app.smartlead.ai/app/master-inbox",
  "is_bounced": True, "bounce_reply_message_id": "<bounce-1@googlemail.com>", "bounce_reply_email": "mailer-daemon@googlemail.com",
  "bounce_reply_email_preview": "Address not found",
  "bounce_message": {"message_id": "<bounce-1@googlemail.com>", "html": "<p>Address not found</p>", "text": "Address not found", "time": "2025-04-03T08:00:00.000Z"},
  "secret_key": "00000000-0000-0000-0000-000000000000", "description": "Email bounced", "metadata": {"webhook_created_at": "2025-03-28T08:14:40.843Z"}
}

unsub = {
  "event_timestamp": "2023-09-26T11:16:24.671Z", "from_email": "sender@example.com", "to_email": "bob@example.com",
  "lead_email": "bob@example.com", "lead_name": "Bob", "to_name": "Bob", "subject": "Quick question",
  "campaign_id": 9181, "campaign_name": "Q2 outbound", "campaign_status": "ACTIVE", "sequence_number": 1,
  "unsubscribed_client_id_map": {}, "sent_message": {"message_id": "<sent-2@example.com>", "html": "<p>Hi Bob</p>", "text": "Hi Bob", "time": "2023-09-26T10:00:00.000Z"},
  "client_id": None, "app_url": "https://app.smartlead.ai/app/master-inbox", "secret_key": "00000000-0000-0000-0000-000000000000",
  "description": "Lead unsubscribed", "metadata": {"webhook_created_at": "2023-09-01T00:00:00.000Z"}, "event_type": "LEAD_UNSUBSCRIBED"
}

# Verification is fail-closed: every subscription performSubscribe creates stores the URL secret, and
# every delivery to the webhook URL we registered carries it as sc_secret.
URL_SECRET = "fixture-url-secret"

def write(name, description, body, expect=None, source=DOC_REPLY, input_data=None, query=None, subscription=None, expect_error=None):
  fx = {"tool": "smartlead", "description": description, "source": source,
        "request": {"method": "POST", "headers": {"content-type": "application/json"}, "querystring": query or {"sc_secret": URL_SECRET}, "body": body},
        "received_at": "2025-06-02T12:05:10.000Z", "subscription": subscription or {"id": "799", "campaign_id": "9181", "secret": URL_SECRET},
        "inputData": input_data or {}}
  if expect_error is not None: fx["expect_error"] = expect_error
  else: fx["expect"] = expect
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fx, f, indent=2); f.write('\n')

os.makedirs(OUT, exist_ok=True)
write('email_reply_documented', 'EMAIL_REPLY, the vendor example: a colleague at another company answered for the lead', reply, [reply_expect])

own = copy.deepcopy(reply)
own['sl_email_lead_id'] = 1482956
own['campaign_id'] = '9181'
own['leadCorrespondence'] = {"targetLeadEmail": "james.parker@example.com", "replyReceivedFrom": "james.parker@example.com", "repliedCompanyDomain": "SameCompany"}
own['reply_message'] = {"message_id": "<reply-2@mail.example.com>", "html": "<p>Yes, let's talk.</p>", "text": "Yes, let's talk.", "time": "2025-03-28T09:35:01+00:00"}
own['reply_body'] = "<p>Yes, let's talk.</p>"
own['stats_thread_id'] = 5501
exp = copy.deepcopy(reply_expect)
exp['message'] = {"id": "<reply-2@mail.example.com>", "thread_id": "5501", "text": "Yes, let's talk.", "html": "<p>Yes, let's talk.</p>",
                  "from_email": "james.parker@example.com", "to_email": "sender@example.com"}
write('email_reply_integer_ids_threaded', 'EMAIL_REPLY with integer sl_email_lead_id, string campaign_id, and the threaded-replies reply_message block (help-site structure table)', own, [exp],
      source=DOC_REPLY + '; reply_message/reply_body/stats_thread_id per help.smartlead.ai "Threaded replies" structure table')

offset = copy.deepcopy(reply)
offset['time_replied'] = '2025-03-28T11:35:01+02:00'
offset['event_timestamp'] = '2025-03-28T11:35:01+02:00'
write('email_reply_offset_timestamp', 'EMAIL_REPLY whose timestamps carry a +02:00 offset: occurred_at is the same instant in UTC', offset, [reply_expect])

legacy = copy.deepcopy(reply)
del legacy['event_type']
legacy['event'] = 'EMAIL_REPLY'
write('email_reply_legacy_event_key', 'EMAIL_REPLY from the pre-2024 field names (`event` instead of `event_type`)', legacy, [reply_expect])

dash = copy.deepcopy(reply)
dash['secret_key'] = 'secretkey'
write('email_reply_dashboard_test', 'the dashboard "test webhook" sends secret_key "secretkey"; the body is a normal reply', dash, [reply_expect])

secret_ok = {"id": "799", "campaign_id": "9181", "secret": "fixture-url-secret"}
write('email_reply_url_secret_ok', 'delivery to the webhook URL we registered (carries our sc_secret)', reply, [reply_expect], query={"sc_secret": "fixture-url-secret"}, subscription=secret_ok)
echoed = copy.deepcopy(reply)
echoed['webhook_url'] = 'https://hooks.zapier.com/hooks/standard/1/abc/?sc_secret=fixture-url-secret'
exp = copy.deepcopy(reply_expect)
exp['raw'] = {"webhook_url": "https://hooks.zapier.com/hooks/standard/1/abc/?sc_secret=[redacted]", "secret_key": None}
del exp['raw']['secret_key']
write('email_reply_echoes_webhook_url', 'Smartlead echoes the webhook_url we registered (with our secret) in every delivery: raw must not carry the secret on into Zaps', echoed, [exp],
      query={"sc_secret": "fixture-url-secret"}, subscription=secret_ok)
write('email_reply_url_secret_wrong', 'a POST to the hook URL without our secret (not from the webhook we registered): refused', reply, query={"sc_secret": "guess"}, subscription=secret_ok, expect_error='webhook URL secret is missing or wrong')

write('lead_category_interested', 'LEAD_CATEGORY_UPDATED to "Interested": Lead Interested', category,
      [{"event": "lead_interested", "tool": "smartlead", "occurred_at": "2025-04-01T10:00:00.000Z", "lead": lead_jane,
        "campaign": {"id": "9181", "name": "Q2 outbound"}, "category": "Interested", "message": None, "meeting": None}], source=DOC_CAT)

numeric = copy.deepcopy(category)
numeric['lead_data']['phone_number'] = 5550100
numeric['lead_id'] = '2001'
write('lead_category_numeric_phone', 'LEAD_CATEGORY_UPDATED where lead_data.phone_number arrives as a number and lead_id as a string', numeric,
      [{"event": "lead_interested", "lead": {**lead_jane, "phone": "5550100"}, "category": "Interested"}], source=DOC_CAT)

meeting = copy.deepcopy(category)
meeting['category'] = 'Meeting Booked'; meeting['lead_category_id'] = 3
meeting['lead_category'] = {"old_id": 1, "old_name": "Interested", "new_id": 3, "new_name": "Meeting Booked"}
write('lead_category_meeting_booked', 'LEAD_CATEGORY_UPDATED to "Meeting Booked" (new docs list id 3 as Meeting Booked): Meeting Booked', meeting,
      [{"event": "meeting_booked", "category": "Meeting Booked", "lead": {"email": "jane@example.com"}, "campaign": {"id": "9181"},
        "meeting": {"rescheduled": False, "start_time": None}, "message": None}], source=DOC_CAT)

custom = copy.deepcopy(category)
custom['category'] = 'Meeting Request'; custom['lead_category_id'] = 2
custom['lead_category'] = {"old_id": None, "old_name": None, "new_id": 2, "new_name": "Meeting Request"}
write('lead_category_custom_meeting_name', 'category "Meeting Request" counts as a meeting when the Zap lists it in meeting_categories', custom,
      [{"event": "meeting_booked", "category": "Meeting Request", "lead": {"email": "jane@example.com"}}], source=DOC_CAT,
      input_data={"meeting_categories": ["Meeting Request", "Meeting Booked"]})
write('lead_category_custom_meeting_name_default_inputs', 'the same "Meeting Request" change with default inputs: no event', custom, [], source=DOC_CAT)

notint = copy.deepcopy(category)
notint['category'] = 'Not Interested'; notint['lead_category_id'] = 3
notint['lead_category'] = {"old_id": 1, "old_name": "Interested", "new_id": 3, "new_name": "Not Interested"}
write('lead_category_not_interested', 'LEAD_CATEGORY_UPDATED to "Not Interested": recognised, no event', notint, [], source=DOC_CAT)

write('email_bounce', 'EMAIL_BOUNCE: the lead is to_email (lower-cased); the bounce message comes from the mailer daemon', bounce,
      [{"event": "email_bounced", "occurred_at": "2025-04-03T08:00:00.000Z", "lead": {"email": "nobody@example.com", "full_name": "No Body"},
        "campaign": {"id": "9181", "name": "Q2 outbound"},
        "message": {"id": "<bounce-1@googlemail.com>", "text": "Address not found", "from_email": "mailer-daemon@googlemail.com", "to_email": "sender@example.com"}}],
      source=DOC_BOUNCE)

write('lead_unsubscribed', 'LEAD_UNSUBSCRIBED (documented example start: event_timestamp 2023-09-26T11:16:24.671Z, to_name "Bob")', unsub,
      [{"event": "lead_unsubscribed", "occurred_at": "2023-09-26T11:16:24.671Z", "lead": {"email": "bob@example.com", "first_name": "Bob", "last_name": None},
        "campaign": {"id": "9181"}, "message": None}], source=DOC_UNSUB)

write('email_open_ignored', 'EMAIL_OPEN (a documented event type none of our triggers use): recognised, no event',
      {"event_type": "EMAIL_OPEN", "campaign_id": 9181, "to_email": "jane@example.com", "event_timestamp": "2025-04-01T10:00:00.000Z"}, [],
      source='Smartlead webhook event types (api.smartlead.ai reference)')
write('unrecognised_payload', 'a body that is no Smartlead payload: an error naming the tool and the keys, never an empty result',
      {"hello": "world", "id": 1}, source='hand-written negative case', expect_error='did not recognise this Smartlead webhook delivery')
