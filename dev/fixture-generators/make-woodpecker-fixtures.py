#!/usr/bin/env python3
"""Writes test/fixtures/woodpecker/*.json from Woodpecker's documented webhook payload
(developers.woodpecker.co/docs/webhooks/prospect-replied, as recorded in engagement-apis research
§4.3). Expectations are written by hand from that documentation, not from our output.
Run from the repository root: python3 dev/fixture-generators/make-woodpecker-fixtures.py"""
import copy, json, os

OUT = 'test/fixtures/woodpecker'
DOC_REPLY = 'developers.woodpecker.co/docs/webhooks/prospect-replied (research §4.3; website, linkedin_url, campaign_emails illustrative)'
DOC_OTHER = ('developers.woodpecker.co webhooks: all prospect events share the prospect{} block (research §4.3); '
             'the interested/bounced/blacklisted bodies were not captured, values here are illustrative')
SECRET = 'fixture-url-secret'

prospect = {
  "id": 1234567890, "email": "erlich@bachmanity.com", "first_name": "Erlich", "last_name": "Bachman",
  "company": "Bachmanity", "website": "bachmanity.com", "linkedin_url": "https://www.linkedin.com/in/erlich",
  "tags": "#VISIONARY", "title": "CEO", "phone": "+1 987-654-321", "address": "700 Welch Road", "city": "Palo Alto",
  "state": "California", "country": "United States", "industry": "IT",
  "snippet1": "You are running a successful startup incubator Bachmanity", "snippet2": "", "snippet3": "", "snippet15": "",
  "snippet_labels": {"my snippet label": "snippet1"}, "last_contacted": "2025-03-20T14:32:34+0100", "status": "REPLIED",
  "in_campaign": 2, "emails_sent": 3, "imported": "saasinamerica.csv", "interested": "INTERESTED",
  "campaign_id": 123456, "campaign_name": "SaaS in America", "campaign_email": "jared.dunn@piedpiper.com",
  "campaign_emails": ["jared.dunn@piedpiper.com", "richard@piedpiper.com", "dinesh@piedpiper.com"],
  "campaign_email_sent": 2, "step": 2, "step_type": "EMAIL", "followup_after": "2025-03-22T00:00:00+0100",
}
replied = {
  "method": "prospect_replied", "prospect": prospect,
  "email": {"id": 191867492, "mail_id": 123321, "subject": "Reply message subject", "sender": "Erlich from Bachmanity",
            "email": "erlich@bachmanity.com", "date": "2025-03-21T20:47:40+0100", "message": "reply content"},
  "timestamp": "2025-03-21T20:47:47+0100", "firm_id": 456789,
}
lead_erlich = {"email": "erlich@bachmanity.com", "first_name": "Erlich", "last_name": "Bachman", "full_name": "Erlich Bachman",
               "company": "Bachmanity", "title": "CEO", "phone": "+1 987-654-321",
               "linkedin_url": "https://www.linkedin.com/in/erlich", "tool_lead_id": "1234567890"}
campaign = {"id": "123456", "name": "SaaS in America"}
reply_expect = {
  "id": "woodpecker:reply_received:191867492", "event": "reply_received", "tool": "woodpecker",
  "occurred_at": "2025-03-21T19:47:47.000Z", "lead": lead_erlich, "campaign": campaign,
  "message": {"id": "191867492", "thread_id": "123321", "subject": "Reply message subject", "text": "reply content",
              "html": None, "from_email": "erlich@bachmanity.com", "to_email": "jared.dunn@piedpiper.com",
              "sent_at": "2025-03-21T19:47:40.000Z"},
  "meeting": None, "category": None,
}

def interested_item():
  p = copy.deepcopy(prospect); p["status"] = "REPLIED"; p["interested"] = "INTERESTED"
  return {"method": "prospect_interested", "prospect": p, "timestamp": "2025-03-21T21:05:00+0100", "firm_id": 456789}

def bounced_item():
  p = copy.deepcopy(prospect)
  p.update({"id": 1234567891, "email": "Gilfoyle@PiedPiper.com", "first_name": "Bertram", "last_name": "Gilfoyle",
            "company": "Pied Piper", "title": "Systems Architect", "phone": "", "linkedin_url": "", "status": "BOUNCED", "interested": ""})
  return {"method": "prospect_bounced", "prospect": p, "timestamp": "2025-03-21T22:10:00+0100", "firm_id": 456789}

def autoreplied_item():
  p = copy.deepcopy(prospect); p["status"] = "AUTOREPLIED"; p["interested"] = ""
  item = copy.deepcopy(replied); item["method"] = "prospect_autoreplied"; item["prospect"] = p
  return item

def blacklisted_item():
  p = copy.deepcopy(prospect); p["status"] = "BLACKLIST"; p["interested"] = ""
  return {"method": "prospect_blacklisted", "prospect": p, "timestamp": "2025-03-23T08:00:00+0100", "firm_id": 456789}

def fixture(name, description, source, body, expect=None, expect_error=None, query=None, subscription=None, input_data=None):
  f = {
    "tool": "woodpecker", "description": description, "source": source,
    "request": {"method": "POST", "headers": {"content-type": "application/json"},
                "querystring": {"sc_secret": SECRET} if query is None else query, "body": body},
    "received_at": "2025-03-23T12:00:00.000Z",
    "subscription": {"id": "prospect_replied@fixture", "event": "prospect_replied", "secret": SECRET,
                     "target_url": f"https://hooks.zapier.com/hooks/standard/1/abc/?sc_secret={SECRET}"} if subscription is None else subscription,
    "inputData": input_data or {},
  }
  if expect_error is not None:
    f["expect_error"] = expect_error
  else:
    f["expect"] = expect or []
  with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
    json.dump(f, fh, indent=2); fh.write("\n")

os.makedirs(OUT, exist_ok=True)

fixture("prospect_replied_documented", "prospect_replied: the documented example, a batch of one, delivered to our secret URL",
        DOC_REPLY, [replied], [reply_expect])

fixture("batch_mixed_events", "one POST carrying four events: replied, interested, bounced (mixed-case email) and an ignored autoreply",
        DOC_OTHER, [replied, interested_item(), bounced_item(), autoreplied_item()], [
  reply_expect,
  {"event": "lead_interested", "tool": "woodpecker", "occurred_at": "2025-03-21T20:05:00.000Z", "lead": lead_erlich,
   "campaign": campaign, "message": None, "category": "INTERESTED"},
  {"event": "email_bounced", "tool": "woodpecker", "occurred_at": "2025-03-21T21:10:00.000Z",
   "lead": {"email": "gilfoyle@piedpiper.com", "first_name": "Bertram", "last_name": "Gilfoyle", "full_name": "Bertram Gilfoyle",
            "company": "Pied Piper", "phone": None, "linkedin_url": None, "tool_lead_id": "1234567891"},
   "campaign": campaign},
])

fixture("prospect_blacklisted", "prospect_blacklisted = the prospect unsubscribed", DOC_OTHER, [blacklisted_item()], [
  {"event": "lead_unsubscribed", "tool": "woodpecker", "occurred_at": "2025-03-23T07:00:00.000Z", "lead": lead_erlich,
   "campaign": campaign, "message": None},
])

string_ids = copy.deepcopy(replied)
string_ids["prospect"]["id"] = "1234567890"; string_ids["prospect"]["campaign_id"] = "123456"
string_ids["prospect"]["email"] = "Erlich@Bachmanity.com"; string_ids["email"]["id"] = "191867492"
string_ids["email"]["email"] = "ERLICH@bachmanity.com"
fixture("prospect_replied_string_ids", "ids as strings and a mixed-case address: same event id, lower-cased emails, campaign id a string",
        DOC_REPLY, [string_ids], [reply_expect])

fixture("campaign_filter_other_campaign", "account-wide hook: a reply from campaign 123456 does not reach a trigger filtered on campaign 999",
        DOC_REPLY, [replied], [], input_data={"campaign_id": "999"})

fixture("campaign_filter_same_campaign", "the campaign filter keeps events of the chosen campaign (numeric id in the payload, string in the input)",
        DOC_REPLY, [replied], [reply_expect], input_data={"campaign_id": "123456"})

fixture("only_ignored_events", "a batch with only an autoreply: recognised, no unified event", DOC_OTHER, [autoreplied_item()], [])

fixture("wrong_url_secret", "delivery without our URL secret is refused", DOC_REPLY, [replied],
        expect_error="URL secret is missing or wrong", query={"sc_secret": "not-the-secret"})

fixture("unknown_event", "an array item with an event name we do not know is an error naming it", DOC_OTHER,
        [{"method": "prospect_teleported", "prospect": prospect, "timestamp": "2025-03-21T20:47:47+0100"}],
        expect_error="unknown event prospect_teleported")

fixture("not_an_array", "a body that is neither the documented array nor an event", DOC_OTHER, {"hello": "world"},
        expect_error="did not recognise this Woodpecker webhook delivery (top-level keys: hello)")
