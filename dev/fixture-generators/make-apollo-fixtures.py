#!/usr/bin/env python3
"""Writes test/fixtures/apollo/*.json. Apollo posts no webhooks: these are emailer messages as
Apollo's GET /emailer_messages/search returns them (the vendor OpenAPI example, copied below),
fed by hand (Normalize Webhook / Webhooks by Zapier). Variants set the documented fields
replied / reply_class / bounce. Expectations are written by hand from the docs.
Run from the repository root: python3 dev/fixture-generators/make-apollo-fixtures.py"""
import copy, json, os

OUT = 'test/fixtures/apollo'
SRC = 'Apollo OpenAPI (docs.apollo.io/openapi/apollo-rest-api.json) GET /emailer_messages/search 200 example; vendor-specs/apollo.openapi.json'

# First emailer_messages[] item of the vendor example, verbatim (bodies shortened).
doc = {
  "id": "684b2203a2ce950021cbf730", "user_id": "66302798d03b9601c7934ebf", "status": "failed",
  "time_zone": "America/Los_Angeles", "provider_message_id": None, "to_name": "Gina Larkin",
  "due_at": "2025-06-12T18:57:08.553+00:00", "completed_at": None,
  "emailer_touch_id": "684b216ec95a4f001d968d1b", "emailer_campaign_id": "684b215edf80730019db612c",
  "emailer_step_id": "684b216ec95a4f001d968d19", "failed_at": "2025-06-12T19:04:06.820+00:00",
  "failure_reason": "Account stage is Active Opportunity. Change stage for account or adjust settings under Sequence => Settings and retry.",
  "attachment_ids": [], "enable_tracking": True, "type": "outreach_automatic_email",
  "contact_id": "66ad20ab23d5d40001c8d07d", "provider_thread_id": None, "schedule_delayed_reason": None,
  "demoed": None, "email_account_id": "6633baaece5fbd01c791d7ca", "due_at_manually_changed": True,
  "not_sent_reason": "account_stage_safeguard", "bounce": None, "spam_blocked": None,
  "tracking_disabled_reason": None, "created_at": "2025-06-12T18:52:51.021Z", "async_sending": True,
  "due_at_source": "Email was sent using Send Now action", "crm_id": None, "replied": None,
  "needs_dynamic_assemble": True, "personalized_opener": None, "reply_class": None,
  "schedule_delayed_limit_reason": None, "schedule_delayed_reason_details": None,
  "sensitive_info_redacted": None, "account_id": "6518c6184f20350001a0b9c0",
  "recipients": [{"email": "gina.larkin@apollo.io", "raw_name": "Gina Larkin", "recipient_type_cd": "to",
                  "contact_id": "66ad20ab23d5d40001c8d07d", "user_id": None}],
  "send_from": {"email": "test.marcus.hale@apollomail.io", "raw_name": "David Smith", "recipient_type_cd": None,
                "contact_id": None, "user_id": None},
  "from_email": "test.marcus.hale@apollomail.io", "to_email": "gina.larkin@apollo.io", "from_name": "David Smith",
  "bcc_emails": [], "cc_emails": [],
  "send_from_info": "6633baaece5fbd01c791d7ca***test.marcus.hale@apollomail.io",
  "body_text": "Check out my email now!David SmithApollo Knowledge Base ",
  "body_html": "<html><head></head><body><div>Check out my email now!</div></body></html>",
  "subject": "Stats for you", "campaign_name": "Stats Sequences DO NOT USE", "campaign_position": 1,
}

def sent(**changes):
  m = copy.deepcopy(doc)
  m.update({"status": "completed", "completed_at": "2025-06-12T19:00:02.000+00:00", "failed_at": None,
            "failure_reason": None, "not_sent_reason": None, "provider_thread_id": "thread-1"})
  m.update(changes)
  return m

lead = {"email": "gina.larkin@apollo.io", "first_name": "Gina", "last_name": "Larkin", "full_name": "Gina Larkin",
        "tool_lead_id": "66ad20ab23d5d40001c8d07d"}
campaign = {"id": "684b215edf80730019db612c", "name": "Stats Sequences DO NOT USE"}

def write(name, description, body, expect=None, expect_error=None, inputData=None):
  fixture = {"tool": "apollo", "description": description, "source": SRC,
             "request": {"method": "POST", "headers": {"content-type": "application/json"}, "querystring": {}, "body": body},
             "received_at": "2025-06-12T19:30:00.000Z", "subscription": {}, "inputData": inputData or {}, "http": []}
  if expect_error is not None:
    fixture["expect_error"] = expect_error
  else:
    fixture["expect"] = expect or []
  with open(os.path.join(OUT, name + '.json'), 'w') as f:
    json.dump(fixture, f, indent=2, ensure_ascii=False)
    f.write('\n')

os.makedirs(OUT, exist_ok=True)

write('message_documented_failed', 'the documented example: a failed send, no reply or bounce → recognised, no event', doc, expect=[])

write('message_replied_willing_to_meet', 'a delivered email whose reply Apollo classed willing_to_meet → Reply Received and Lead Interested',
  sent(replied=True, reply_class="willing_to_meet"),
  expect=[
    {"id": "apollo:reply_received:684b2203a2ce950021cbf730", "event": "reply_received", "tool": "apollo",
     "occurred_at": "2025-06-12T19:00:02.000Z", "lead": lead, "campaign": campaign, "category": "willing_to_meet",
     "message": {"id": "684b2203a2ce950021cbf730", "thread_id": "thread-1", "subject": "Stats for you",
                 "from_email": "gina.larkin@apollo.io", "to_email": "test.marcus.hale@apollomail.io"}},
    {"id": "apollo:lead_interested:684b2203a2ce950021cbf730", "event": "lead_interested", "tool": "apollo",
     "lead": lead, "campaign": campaign, "category": "willing_to_meet"},
  ])

write('message_replied_out_of_office', 'a reply classed out_of_office is an automatic answer: no Reply Received (as Woodpecker, Reply.io and Mailshake keep auto-replies apart), and no interest',
  sent(replied=True, reply_class="out_of_office"),
  expect=[])

write('message_replied_follow_up_counts_as_interested', 'Interested Categories naming an Apollo reply class ("follow up question") make it Lead Interested',
  sent(replied=True, reply_class="follow_up_question"),
  inputData={"interested_categories": ["Interested", "follow up question"]},
  expect=[{"event": "reply_received"}, {"event": "lead_interested", "category": "follow_up_question"}])

write('message_bounced', 'a bounced email → Email Bounced, message addressed to the lead',
  sent(bounce=True, status="bounced"),
  expect=[{"id": "apollo:email_bounced:684b2203a2ce950021cbf730", "event": "email_bounced", "lead": lead, "campaign": campaign,
           "message": {"id": "684b2203a2ce950021cbf730", "from_email": None, "to_email": "gina.larkin@apollo.io",
                       "sent_at": "2025-06-12T19:00:02.000Z"}}])

second = sent(id="684b2203a2ce950021cbf72d", to_name="Wesley Tran", to_email="Wesley.T@Example.com",
              contact_id="6601a68fca35d8000718d42b", bounce=True,
              recipients=[{"email": "wesley.t@example.com", "raw_name": "Wesley Tran", "recipient_type_cd": "to",
                           "contact_id": "6601a68fca35d8000718d42b", "user_id": None}])
write('search_response_two_messages', 'a whole search response (emailer_messages[]): one reply, one bounce (upper-case address lower-cased)',
  {"breadcrumbs": [], "emailer_messages": [sent(replied=True, reply_class="not_interested"), second], "num_fetch_result": None},
  expect=[{"event": "reply_received", "category": "not_interested", "lead": {"email": "gina.larkin@apollo.io"}},
          {"event": "email_bounced", "lead": {"email": "wesley.t@example.com", "tool_lead_id": "6601a68fca35d8000718d42b"}}])

write('unrecognised_payload', 'a body that is no Apollo emailer message → error naming the keys',
  {"foo": 1, "bar": "x"}, expect_error='did not recognise this Apollo webhook delivery (top-level keys: foo, bar)')
