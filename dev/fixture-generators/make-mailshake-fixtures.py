#!/usr/bin/env python3
"""Writes test/fixtures/mailshake/*.json. A Mailshake push carries only {"resource_url"}; the
fixture's `http` entry serves what that URL returns: the documented Reply and Lead models
(Mailshake API docs "Models", mirrored in repo:mpociot/whiteboard source/includes/_89-models.md).
Expectations are written by hand from those docs. The resource_url path format is UNCONFIRMED
(the docs show only "https://api.mailshake.com/2017-04-01/..."), so the paths are illustrative.
Run from the repository root: python3 dev/fixture-generators/make-mailshake-fixtures.py"""
import copy, json, os

OUT = 'test/fixtures/mailshake'
API = 'https://api.mailshake.com/2017-04-01'
URL_UNCONFIRMED = ('The resource_url path {path} is NOT taken from the docs, which show only '
                   '"https://api.mailshake.com/2017-04-01/...": its format is UNCONFIRMED (illustrative), and so is '
                   'whether that URL answers a bare {model}')
DOC_PUSH = ('Push body {"resource_url"}: Mailshake API docs "Pushes"; Reply model fields: "Models" Reply example '
            '(mpociot/whiteboard mirror). ' + URL_UNCONFIRMED.format(path='activity/replies?replyID=<id>', model='Reply'))
DOC_LEAD = ('Push body {"resource_url"}: Mailshake API docs "Pushes"; Lead model fields: "Models" Lead example '
            '(mpociot/whiteboard mirror). ' + URL_UNCONFIRMED.format(path='activity/created-leads?leadID=<id>', model='Lead'))
DOC_REFUSED = ('Push body {"resource_url"}: Mailshake API docs "Pushes"; the endpoint named is a documented Mailshake '
               'operation (docs "Recipients" / "Pushes"), forged into a push: it must be refused before any request')
DOC_FORGED = 'Push body {"resource_url"}: Mailshake API docs "Pushes"; hand-written negative case (a forged resource_url)'
SECRET = 'fixture-url-secret'

recipient = {"object": "recipient", "id": 1, "emailAddress": "john@doe.com", "fullName": "John Doe", "first": "John",
             "last": "Doe", "created": "2017-04-06T17:45:07.188Z", "fields": {"favorite_color": "Red"}}
campaign = {"object": "campaign", "id": 1, "title": "My Campaign", "created": "2017-04-06T17:40:23.194Z"}
documented_reply = {
  "object": "reply", "id": 1, "actionDate": "2017-04-06T17:42:54.475Z", "recipient": recipient, "campaign": campaign,
  "type": "out-of-office",
  "parent": {"object": "sent-message", "id": 1, "type": "campaign-message",
             "message": {"object": "message", "id": 1, "type": "initial", "subject": "My subject"}},
  "subject": "Re: This is my subject", "externalID": "...", "externalRawMessageID": "...", "externalConversationID": "...",
  "rawBody": "...", "body": "...", "plainTextBody": "...",
}
def reply_of(type_, id_, **extra):
  r = copy.deepcopy(documented_reply); r["type"] = type_; r["id"] = id_; r.update(extra); return r

real_reply = reply_of("reply", 101, externalRawMessageID="<reply-101@mail.doe.com>", externalConversationID="thread-77",
                      rawBody="<div>Sounds good, call me Tuesday</div>", body="<div>Sounds good, call me Tuesday</div>",
                      plainTextBody="Sounds good, call me Tuesday")
bounce = reply_of("bounce", 102, subject="Undeliverable: This is my subject", externalRawMessageID="<bounce-102@mx.doe.com>",
                  externalConversationID="thread-77", rawBody="<p>550 5.1.1 user unknown</p>", body="<p>550 5.1.1 user unknown</p>",
                  plainTextBody="550 5.1.1 user unknown")
unsub = reply_of("unsubscribe", 103, plainTextBody="Please remove me from your list", body="<p>Please remove me from your list</p>",
                 rawBody="<p>Please remove me from your list</p>", externalRawMessageID="<unsub-103@mail.doe.com>")
documented_lead = {
  "object": "lead", "id": 1, "created": "2017-04-11T16:13:51.956Z", "openedDate": "2017-04-11T16:13:51.955Z",
  "lastStatusChangeDate": None, "recipient": recipient, "campaign": {**campaign, "created": "2017-04-11T16:13:51.956Z"},
  "status": "open",
  "assignedTo": {"object": "user", "id": 1, "emailAddress": "lucy@yourteam.com", "fullName": "Lucy Doe", "first": "Lucy", "last": "Doe"},
}
# tool_lead_id is the lower-cased email (recipient ids are per campaign; see the provider README).
lead_john = {"email": "john@doe.com", "first_name": "John", "last_name": "Doe", "full_name": "John Doe", "tool_lead_id": "john@doe.com",
             "company": None, "title": None}
camp = {"id": "1", "name": "My Campaign"}

def fixture(name, description, source, resource_url, http, expect=None, expect_error=None, query=None, input_data=None, body=None):
  f = {
    "tool": "mailshake", "description": description, "source": source,
    "request": {"method": "POST", "headers": {"content-type": "application/json"},
                "querystring": {"sc_secret": SECRET} if query is None else query,
                "body": {"resource_url": resource_url} if body is None else body},
    "received_at": "2017-04-11T16:14:00.000Z",
    "subscription": {"id": "Replied@fixture", "event": "Replied", "secret": SECRET,
                     "target_url": f"https://hooks.zapier.com/hooks/standard/1/abc/?sc_secret={SECRET}"},
    "inputData": input_data or {},
    "http": http,
  }
  if expect_error is not None: f["expect_error"] = expect_error
  else: f["expect"] = expect or []
  with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
    json.dump(f, fh, indent=2); fh.write("\n")

def serve(url, body, status=200):
  return [{"method": "GET", "url": url, "status": status, "body": body}]

os.makedirs(OUT, exist_ok=True)
u = f"{API}/activity/replies?replyID=101"
fixture("replied_reply", "Replied push whose Reply has type reply → Reply Received (fetched from resource_url)", DOC_PUSH, u,
        serve(u, real_reply), [{
  "id": "mailshake:reply_received:101", "event": "reply_received", "tool": "mailshake", "occurred_at": "2017-04-06T17:42:54.475Z",
  "lead": lead_john, "campaign": camp,
  "message": {"id": "<reply-101@mail.doe.com>", "thread_id": "thread-77", "subject": "Re: This is my subject",
              "text": "Sounds good, call me Tuesday", "html": "<div>Sounds good, call me Tuesday</div>",
              "from_email": "john@doe.com", "to_email": None, "sent_at": "2017-04-06T17:42:54.475Z"},
  "meeting": None, "category": "reply"}])

u = f"{API}/activity/replies?replyID=1"
fixture("replied_out_of_office_documented", "the documented Reply example (type out-of-office): recognised, no unified event", DOC_PUSH, u,
        serve(u, documented_reply), [])

u = f"{API}/activity/replies?replyID=102"
fixture("replied_bounce", "Replied push whose Reply has type bounce → Email Bounced", DOC_PUSH, u, serve(u, bounce), [{
  "id": "mailshake:email_bounced:102", "event": "email_bounced", "occurred_at": "2017-04-06T17:42:54.475Z", "lead": lead_john,
  "campaign": camp, "message": {"id": "<bounce-102@mx.doe.com>", "text": "550 5.1.1 user unknown", "from_email": None},
  "category": "bounce"}])

u = f"{API}/activity/replies?replyID=103"
fixture("replied_unsubscribe", "Replied push whose Reply has type unsubscribe → Lead Unsubscribed", DOC_PUSH, u, serve(u, unsub), [{
  "id": "mailshake:lead_unsubscribed:103", "event": "lead_unsubscribed", "occurred_at": "2017-04-06T17:42:54.475Z",
  "lead": lead_john, "campaign": camp, "message": None, "category": "unsubscribe"}])

u = f"{API}/activity/created-leads?leadID=1"
fixture("lead_created_documented", "LeadCreated push resolving to the documented Lead model → Lead Interested", DOC_LEAD, u,
        serve(u, documented_lead), [{
  "id": "mailshake:lead_interested:1", "event": "lead_interested", "tool": "mailshake", "occurred_at": "2017-04-11T16:13:51.956Z",
  "lead": lead_john, "campaign": camp, "message": None, "meeting": None, "category": "open"}])

u = f"{API}/activity/replies?replyID=101"
fixture("campaign_filter_other_campaign", "reply of campaign 1 does not reach a trigger filtered on campaign 2", DOC_PUSH, u,
        serve(u, real_reply), [], input_data={"campaign_id": "2"})

fixture("foreign_resource_url", "resource_url on another host: refused, nothing fetched (no http entry; the network is closed)",
        DOC_PUSH, "https://collector.example.net/2017-04-01/activity/replies?replyID=101", [],
        expect_error="resource_url does not point at Mailshake's API")

fixture("lookalike_resource_url", "resource_url on a look-alike host (api.mailshake.com.example.net): refused, nothing fetched",
        DOC_PUSH, "https://api.mailshake.com.example.net/2017-04-01/activity/replies?replyID=101", [],
        expect_error="resource_url does not point at Mailshake's API")

fixture("http_resource_url", "resource_url over plain http on Mailshake's host: a different origin, refused",
        DOC_PUSH, "http://api.mailshake.com/2017-04-01/activity/replies?replyID=101", [],
        expect_error="resource_url does not point at Mailshake's API")

u = f"{API}/activity/replies?replyID=999"
fixture("resource_not_found", "the pushed resource is gone: Mailshake answers not_found", DOC_PUSH, u,
        serve(u, {"code": "not_found", "error": "The reply could not be found", "time": "2017-04-11T16:14:00.000Z"}, 404),
        expect_error="no longer has the item this push refers to")

u = f"{API}/activity/replies?replyID=101"
fixture("wrong_url_secret", "a push without our URL secret is refused before anything is fetched", DOC_PUSH, u, [],
        expect_error="URL secret is missing or wrong", query={"sc_secret": "forged"})

fixture("push_without_resource_url", "a body that is not a Mailshake push", DOC_FORGED.replace("a forged resource_url", "no resource_url"), None, [],
        expect_error="did not recognise this Mailshake webhook delivery (top-level keys: event, data)",
        body={"event": "Replied", "data": {}})

u = f"{API}/activity/created-leads?leadID=2"
fixture("lead_created_without_status", "a Lead without a status: category is null (unknown), never a guessed \"open\"", DOC_LEAD, u,
        serve(u, {**documented_lead, "id": 2, "status": None}), [{
  "id": "mailshake:lead_interested:2", "event": "lead_interested", "lead": lead_john, "category": None}])

# Forged pushes naming Mailshake's mutating operations: refused before any request
# (no http entry: the harness closes the network, so a request would fail the fixture).
# Every Mailshake endpoint accepts GET (docs "Authentication"/"Making requests"), so a GET of a write
# endpoint would write: the operation's verb decides, not a guess at which read a push names.
refused = "names a Mailshake operation that changes data"
fixture("refused_recipients_unsubscribe", "resource_url naming recipients/unsubscribe (a team-wide, permanent write): refused, nothing sent",
        DOC_REFUSED, f"{API}/recipients/unsubscribe?emailAddresses=ceo@client.example.com", [], expect_error=refused + " (unsubscribe)")
fixture("refused_push_delete", "resource_url naming push/delete (would remove our subscription): refused, nothing sent",
        DOC_REFUSED, f"{API}/push/delete?targetUrl=https%3A%2F%2Fhooks.zapier.com%2Fhooks%2Fstandard%2F1%2Fabc%2F", [], expect_error=refused + " (delete)")
fixture("refused_dot_segments", "resource_url reaching recipients/unsubscribe through encoded dot segments: resolved, then refused",
        DOC_FORGED, f"{API}/activity/%2e%2e/recipients/unsubscribe?emailAddresses=ceo@client.example.com", [], expect_error=refused + " (unsubscribe)")
fixture("refused_recipients_pause", "resource_url naming recipients/pause (would stop a live sequence): refused, nothing sent",
        DOC_REFUSED, f"{API}/recipients/pause?campaignID=1&emailAddress=john@doe.com", [], expect_error=refused + " (pause)")
fixture("refused_recipients_add", "resource_url naming recipients/add (would enrol someone): refused, nothing sent",
        DOC_REFUSED, f"{API}/recipients/add?campaignID=1&listOfEmails=ceo@client.example.com", [], expect_error=refused + " (add)")
fixture("refused_campaigns_unpause", "resource_url naming campaigns/unpause (would start sending a whole campaign): refused, nothing sent",
        DOC_REFUSED, f"{API}/campaigns/unpause?campaignID=1", [], expect_error=refused + " (unpause)")
fixture("refused_leads_create", "resource_url naming leads/create: refused, nothing sent",
        DOC_REFUSED, f"{API}/leads/create?emailAddresses=john@doe.com", [], expect_error=refused + " (create)")

# Reads are fetched whatever their path: the resource_url format is UNCONFIRMED, so no single path is bet on.
u = f"{API}/recipients/get?recipientID=1"
fixture("recipients_get_read_fetched", "resource_url naming recipients/get: a read, so it is fetched (the per-Zap URL secret authenticates the push); a bare Recipient is no event model → an error naming it, never an empty result",
        DOC_REFUSED.replace("forged into a push: it must be refused before any request", "a read: fetched") + ". " + URL_UNCONFIRMED.format(path='recipients/get?recipientID=<id>', model='Recipient'),
        u, serve(u, recipient), expect_error="the pushed resource is a recipient")
u = f"{API}/activity/lead-status-changes?leadID=1"
fixture("lead_status_changes_read_fetched", "resource_url naming activity/lead-status-changes (an activity read) resolving to a Lead → Lead Interested",
        DOC_LEAD.replace("activity/created-leads?leadID=<id>", "activity/lead-status-changes?leadID=<id>"), u,
        serve(u, documented_lead), [{"id": "mailshake:lead_interested:1", "event": "lead_interested", "lead": lead_john, "category": "open"}])
u = f"{API}/replies/101"
fixture("rest_style_reply_read_fetched", "resource_url in a REST-like form (replies/101, no verb): a read, fetched → Reply Received",
        "Push body {\"resource_url\"}: Mailshake API docs \"Pushes\"; Reply model: docs \"Models\". The resource_url path replies/<id> is NOT taken from the docs, which show only \"https://api.mailshake.com/2017-04-01/...\": its format is UNCONFIRMED (illustrative), and so is whether that URL answers a bare Reply",
        u, serve(u, real_reply), [{"id": "mailshake:reply_received:101", "event": "reply_received", "lead": lead_john, "campaign": camp}])
fixture("refused_outside_base_path", "resource_url on Mailshake's host but outside the API base path /2017-04-01: refused",
        DOC_FORGED, "https://api.mailshake.com/2099-01-01/activity/replies?replyID=101", [],
        expect_error="outside Mailshake's API path /2017-04-01")
fixture("refused_api_key_param", "resource_url carrying ?apiKey= (another account's key would answer with its data): refused",
        DOC_PUSH, f"{API}/activity/replies?replyID=101&apiKey=forged-key", [],
        expect_error="carries a credential parameter (apiKey)")
