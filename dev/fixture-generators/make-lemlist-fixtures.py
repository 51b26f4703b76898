#!/usr/bin/env python3
"""Writes test/fixtures/lemlist/*.json from lemlist's documented activity objects (engagement-apis
research §2.3: the vendor OpenAPI's GET /activities?version=v2 and GET /inbox/{contactId}
examples). lemlist publishes no verbatim webhook body; the old developer docs say a hook posts
"the activity", and connectors read `text` / `messagePreview` from live emailsReplied bodies, so
reply fixtures are the union of the activity fields plus `text`, `messagePreview` and `secret`.
Expectations are written by hand from those docs. Run from the repository root:
python3 dev/fixture-generators/make-lemlist-fixtures.py"""
import copy, json, os

OUT = 'test/fixtures/lemlist'
DOC_INBOX = 'lemlist OpenAPI (developer.lemlist.com/api-reference/openapi/v2.json) GET /inbox/{contactId} emailsReplied example, plus text/messagePreview/secret (union, research §2.3)'
DOC_ACT = 'lemlist OpenAPI GET /activities?version=v2 example item (research §2.3), type changed to the documented hook type named in the description'
DOC_OPEN = 'lemlist OpenAPI GET /activities?version=v2 emailsOpened example item'
SECRET = 'fixture-shared-secret'
RECEIVED = '2025-11-02T12:00:00.000Z'

# GET /inbox/{contactId} example (vendor), HTML shortened as in the research notes.
reply = {
  "_id": "act_HXQTqg6L29jdy3b6K", "type": "emailsReplied",
  "messageId": "<CAKs+3EYjH0POGz0H-rS1XHH1YnG9LtN2m4y8LocddFWWMm8HBw@mail.gmail.com>",
  "createdAt": "2024-12-03T10:10:45.000Z", "fromEmail": "alex@example.com",
  "teamId": "tea_8QvkOiBfPdb2ZRhHi", "leadId": "lea_lzfQLRbKAZdKvjCwg", "campaignId": "cam_UBbMt30jHq0vNJKJr",
  "sequenceId": "seq_ZDRIjDniOznJJLcKO", "sequenceStep": 0,
  "sendUserId": "usr_xtJHBMYJSOHzI3ZFb", "sendUserName": "Jordan DOE", "sendUserEmail": "jordan.doe@example.com",
  "sendUserMailboxId": "usm_CT2BPoHic0I1cmitZ", "leadEmail": "alex@example.com", "contactId": "ctc_Ds0IaxECSACsbLMzA",
  "message": "<div dir=\"ltr\">Haha Welcome Jordan, ...</div>", "subject": "Re: Meet me !", "attachments": [],
  # union with what connectors read from live webhook bodies
  "text": "Haha Welcome Jordan, ...", "messagePreview": "Haha Welcome Jordan, ...",
  "leadFirstName": "Alex", "leadLastName": "Martin", "campaignName": "Meet me campaign",
  "secret": SECRET,
}
reply_expect = {
  "id": "lemlist:reply_received:act_HXQTqg6L29jdy3b6K",
  "event": "reply_received", "tool": "lemlist", "occurred_at": "2024-12-03T10:10:45.000Z",
  "lead": {"email": "alex@example.com", "first_name": "Alex", "last_name": "Martin", "full_name": "Alex Martin",
           "tool_lead_id": "lea_lzfQLRbKAZdKvjCwg"},
  "campaign": {"id": "cam_UBbMt30jHq0vNJKJr", "name": "Meet me campaign"},
  "message": {"id": "<CAKs+3EYjH0POGz0H-rS1XHH1YnG9LtN2m4y8LocddFWWMm8HBw@mail.gmail.com>", "subject": "Re: Meet me !",
              "text": "Haha Welcome Jordan, ...", "html": "<div dir=\"ltr\">Haha Welcome Jordan, ...</div>",
              "from_email": "alex@example.com", "to_email": "jordan.doe@example.com", "sent_at": "2024-12-03T10:10:45.000Z"},
  "meeting": None, "category": None,
}

# GET /activities?version=v2 example item (vendor), verbatim but for `type` where noted.
activity = {
  "_id": "act_WeKrlIaQlBnM3LZ6G", "type": "manualNotInterested", "teamId": "tea_8QvkOiBfPdb2ZRhHi",
  "userName": "api", "isFirst": False, "bot": False, "createdAt": "2025-10-28T02:14:34.834Z", "name": "NEW TO DELETE",
  "leadFirstName": "John", "leadLastName": "Doe", "leadEmail": "support@lemlist.com", "leadCompanyName": "Acme Inc",
  "leadId": "lea_fiDpiGV585wy3Oii2", "contactId": "ctc_xW8Ou6C03Csv8vatp", "campaignId": "cam_bSn8EORHQxbWPjHvu",
  "metaData": {"teamId": "tea_8QvkOiBfPdb2ZRhHi", "campaignId": "cam_bSn8EORHQxbWPjHvu", "leadId": "lea_fiDpiGV585wy3Oii2", "type": "manualNotInterested"},
  "lead": {"_id": "lea_fiDpiGV585wy3Oii2", "isPaused": False, "state": "manualNotInterested", "personalized": False, "source": "api",
           "variables": {"firstName": "John", "lastName": "Doe", "companyName": "Acme Inc", "jobTitle": "Growth Engineer",
                         "companyDomain": "example.com", "email": "support@lemlist.com", "preferredContactMethod": "email",
                         "industry": "Technology", "Company name": "John Doe"},
           "contactId": "ctc_xW8Ou6C03Csv8vatp", "enrichment": {"emailStatus": "deliverable"}},
  "campaignName": "NEW TO DELETE", "sequenceTested": "B",
}
john = {"email": "support@lemlist.com", "first_name": "John", "last_name": "Doe", "full_name": "John Doe",
        "company": "Acme Inc", "title": "Growth Engineer", "tool_lead_id": "lea_fiDpiGV585wy3Oii2"}
campaign = {"id": "cam_bSn8EORHQxbWPjHvu", "name": "NEW TO DELETE"}

def typed(t, _id, extra=None):
  a = copy.deepcopy(activity)
  a["type"] = t; a["_id"] = _id; a["metaData"]["type"] = t; a["lead"]["state"] = t
  a.update(extra or {})
  return a

# GET /activities emailsOpened example (vendor; the spec's item is cut at sendUserId, completed minimally).
opened = {
  "_id": "act_x6esGLhoPa2SMHCZ7", "type": "emailsOpened", "isFirst": False, "stopped": False,
  "createdAt": "2025-10-27T20:20:59.696Z", "bot": False, "teamId": "tea_8QvkOiBfPdb2ZRhHi",
  "leadId": "lea_wj47uWhDbbN6Qq6oT", "campaignId": "cam_oxeGg6paG3ZVxjHkH", "sequenceId": "seq_ODjsLXkxXiySRw6dK",
  "sequenceStep": 1, "emailTemplateId": "etp_z3nAbjdHuewVEjIl5", "createdBy": "usr_EvXz6JqPSJJL9lHkp",
  "sendUserId": "usr_EvXz6JqPSJJL9lHkp",
}

def fx(name, description, source, body, expect=None, subscription=None, inputData=None, expect_error=None):
  f = {"tool": "lemlist", "description": description, "source": source,
       "request": {"method": "POST", "headers": {"content-type": "application/json"}, "querystring": {}, "body": body},
       "received_at": RECEIVED, "subscription": subscription if subscription is not None else {"id": "hoo_GvYkkWIcdPf2WsBDY", "secret": SECRET},
       "inputData": inputData or {}}
  if expect_error is not None: f["expect_error"] = expect_error
  else: f["expect"] = expect if expect is not None else []
  with open(os.path.join(OUT, name + '.json'), 'w') as fh:
    json.dump(f, fh, indent=2, ensure_ascii=False); fh.write('\n')

os.makedirs(OUT, exist_ok=True)

fx('emails_replied_union', 'emailsReplied delivery (activity fields + text/messagePreview + our secret): one reply event', DOC_INBOX, reply, [reply_expect])

colleague = dict(reply, _id="act_colleagueReply00001", fromEmail="Sam.Lee@Example.com")
fx('emails_replied_colleague', 'emailsReplied written by a colleague of the lead: from_email is who wrote (fromEmail), lead stays the lead',
   DOC_INBOX + '; fromEmail changed', colleague,
   [dict(reply_expect, id="lemlist:reply_received:act_colleagueReply00001",
         message=dict(reply_expect["message"], from_email="sam.lee@example.com"), lead=dict(reply_expect["lead"], email="alex@example.com"))])

fx('emails_replied_wrong_secret', 'emailsReplied whose body secret is not the one we registered: refused', DOC_INBOX,
   dict(reply, secret="not-the-secret"), expect_error='"secret" field is wrong')

no_secret = {k: v for k, v in reply.items() if k != 'secret'}
fx('emails_replied_missing_secret', 'emailsReplied without a secret, for a subscription that has one: refused', DOC_INBOX,
   no_secret, expect_error='"secret" field is missing')

fx('emails_replied_no_subscription_secret', 'emailsReplied with no secret on either side (a hook created by hand): refused, verification is fail-closed',
   DOC_INBOX, no_secret, expect_error='no stored secret', subscription={"id": "hoo_manual"})

fx('all_events_emails_opened', 'a hook created without type (all events) delivers emailsOpened: recognised, no event for any trigger',
   DOC_OPEN, dict(opened, secret=SECRET), [])

fx('manual_not_interested_ignored', 'manualNotInterested (the documented activity example, verbatim): recognised, no event',
   'lemlist OpenAPI GET /activities?version=v2 example item, verbatim', dict(activity, secret=SECRET), [])

fx('meeting_booked_activity_ignored', 'meetingBooked activity (a lead state, not a hook type): recognised, no event',
   DOC_ACT + ' (meetingBooked)', dict(typed('meetingBooked', 'act_meetingBooked000001'), secret=SECRET), [])

interested = typed('emailsInterested', 'act_emailsInterested0001', {"secret": SECRET})
fx('emails_interested', 'emailsInterested (hook type "interested" fires on every channel): Lead Interested', DOC_ACT + ' (emailsInterested)',
   interested, [{"id": "lemlist:lead_interested:act_emailsInterested0001", "event": "lead_interested", "tool": "lemlist",
                 "occurred_at": "2025-10-28T02:14:34.834Z", "lead": john, "campaign": campaign, "message": None, "meeting": None,
                 "category": "emailsInterested"}])

manual = typed('manualInterested', 'act_manualInterested0001', {"secret": SECRET})
fx('manual_interested', 'manualInterested (marked by hand in lemlist): Lead Interested', DOC_ACT + ' (manualInterested)', manual,
   [{"event": "lead_interested", "lead": john, "campaign": campaign, "category": "manualInterested"}])

bounced = typed('emailsBounced', 'act_emailsBounced0000001', {"secret": SECRET, "sendUserEmail": "jordan.doe@example.com",
                "errorMessage": "550 5.1.1 The email account that you tried to reach does not exist"})
fx('emails_bounced', 'emailsBounced: Email Bounced', DOC_ACT + ' (emailsBounced; errorMessage illustrative)', bounced,
   [{"id": "lemlist:email_bounced:act_emailsBounced0000001", "event": "email_bounced", "occurred_at": "2025-10-28T02:14:34.834Z",
     "lead": john, "campaign": campaign,
     "message": {"text": "550 5.1.1 The email account that you tried to reach does not exist", "to_email": "support@lemlist.com",
                 "sent_at": "2025-10-28T02:14:34.834Z"}}])

unsub = typed('emailsUnsubscribed', 'act_emailsUnsubscribed01', {"secret": SECRET})
fx('emails_unsubscribed', 'emailsUnsubscribed: Lead Unsubscribed', DOC_ACT + ' (emailsUnsubscribed)', unsub,
   [{"id": "lemlist:lead_unsubscribed:act_emailsUnsubscribed01", "event": "lead_unsubscribed", "lead": john, "campaign": campaign,
     "message": None, "category": None}])

fx('other_campaign_filtered', 'emailsReplied of another campaign than the trigger\'s Campaign filter: no event', DOC_INBOX, reply, [],
   inputData={"campaign_id": "cam_someOtherCampaign01"})

fx('unrecognised_payload', 'a body that is no lemlist activity: an error naming its keys', 'illustrative',
   {"foo": 1, "bar": "x"}, expect_error='did not recognise this lemlist webhook delivery (top-level keys: foo, bar)', subscription={})

fx('unknown_activity_type', 'an activity whose type lemlist does not document: an error naming the type', 'illustrative',
   dict(typed('somethingNew', 'act_somethingNew00000001')), expect_error='unknown activity type somethingNew', subscription={})

print('wrote', len(os.listdir(OUT)), 'fixtures to', OUT)
