#!/usr/bin/env python3
"""Deterministic benchmark corpus for Herald.

    corpus.py generate --incidents N [--posts M] --out DIR
        DIR/herald/   a Herald site (Content/site.yml, incidents, maintenance, blog)
        DIR/hugo/     the same content as a plain Hugo site using Benchmarks/hugo-theme
        DIR/all.md    every Markdown text of the corpus, concatenated (for the cmark-gfm floor)
    corpus.py edit DIR RUN          edits the body of one resolved incident (Herald and Hugo)
    corpus.py add-update DIR RUN    adds one update to an ongoing incident (Herald and Hugo)

The same arguments always give the same bytes (fixed seed, fixed clock), so runs compare.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

NOW = dt.datetime(2025, 10, 6, 19, 0, tzinfo=dt.timezone.utc)
YEARS = 10
CLUSTERS = ["a", "b", "c", "d"]
SERVICES = [
    ("inbound", "Inbound mail"),
    ("outbound", "Outbound mail"),
    ("webmail", "Webmail"),
    ("imap", "IMAP access"),
    ("pop", "POP access"),
    ("admin", "Mail admin centre"),
]
OFFSETS = [0, 0, 0, -4 * 60, -5 * 60, 2 * 60, 5 * 60 + 30]
TAGS = ["email", "security", "feeds", "webmail", "imap", "migration", "storage", "dns", "spam", "billing", "api", "tips"]
WORDS = (
    "mail delivery queue cluster server login session storage replica relay message mailbox user reseller "
    "customer webmail client sync certificate network latency timeout retry backlog filter spam domain "
    "record change rollout rollback engineer team monitor alert recover restore capacity disk index "
    "search folder attachment outbound inbound sign connection database upgrade patch release window"
).split()
IMPACT_STATUS = ["degraded-performance", "partial-outage", "major-outage"]
PHASES = ["investigating", "identified", "monitoring"]
MAINTENANCE_PHASES = ["scheduled", "in-progress", "verifying"]


def stamp(moment, offset_minutes=0):
    """RFC 3339 with an explicit offset ('Z' for UTC)."""
    local = moment.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes)))
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if offset_minutes == 0:
        return text + "Z"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"


def quoted(text):
    return json.dumps(text)  # JSON strings are valid YAML double-quoted scalars


def block(text, indent):
    pad = " " * indent
    return "|\n" + "".join(pad + line + "\n" if line else "\n" for line in text.split("\n"))


class Writer:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def words(self, count):
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def sentence(self):
        r = self.random
        parts = [self.words(r.randint(4, 9))]
        decoration = r.random()
        if decoration < 0.25:
            parts.append(f"**{self.words(2)}**")
        elif decoration < 0.5:
            parts.append(f"*{self.words(2)}*")
        elif decoration < 0.7:
            parts.append(f"`{r.choice(WORDS)}-{r.randint(1, 99)}.example.com`")
        elif decoration < 0.85:
            parts.append(f"[{self.words(2)}](https://help.example.com/{r.choice(WORDS)}/{r.randint(1, 999)})")
        parts.append(self.words(r.randint(3, 8)))
        text = " ".join(parts)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, size):
        """About `size` bytes of sentences, wrapped at ~72 columns."""
        sentences = []
        length = 0
        while length < size:
            sentence = self.sentence()
            sentences.append(sentence)
            length += len(sentence) + 1
        return wrap(" ".join(sentences))

    def body(self, size):
        paragraphs = []
        length = 0
        while length < size:
            paragraph = self.paragraph(self.random.randint(200, 400))
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        return "\n\n".join(paragraphs)

    def post_body(self):
        r = self.random
        sections = [self.body(400)]
        sections.append("## " + self.words(3).capitalize())
        sections.append(self.paragraph(250))
        sections.append("\n".join(f"- {self.sentence()}" for _ in range(r.randint(3, 5))))
        sections.append("## " + self.words(2).capitalize())
        rows = [f"| {self.words(2)} | `{r.choice(WORDS)}` | <https://status.example.com/{r.choice(WORDS)}/> |" for _ in range(4)]
        sections.append("| What | Setting | Where |\n|---|---|---|\n" + "\n".join(rows))
        sections.append(self.paragraph(300))
        sections.append("\n".join(f"{n}. {self.sentence()}" for n in range(1, r.randint(3, 5))))
        sections.append(self.paragraph(250))
        return "\n\n".join(sections)


def wrap(text, width=72):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def affected_entries(writer, with_status):
    r = writer.random
    clusters = r.sample(CLUSTERS, r.choice([1, 1, 1, 2]))
    services = [s for s, _ in SERVICES]
    entries = []
    for cluster in clusters:
        chosen = sorted(r.sample(services, r.randint(1, 3)), key=services.index)
        entry = {"cluster": cluster, "services": chosen}
        if with_status:
            entry["status"] = r.choice(IMPACT_STATUS)
        entries.append(entry)
    return entries


def affected_yaml(entries, indent):
    pad = " " * indent
    out = []
    for entry in entries:
        out.append(f"{pad}- cluster: {entry['cluster']}\n")
        out.append(f"{pad}  services: [{', '.join(entry['services'])}]\n")
        if "status" in entry:
            out.append(f"{pad}  status: {entry['status']}\n")
    return "".join(out)


def questions(writer, count):
    return [(writer.sentence()[:-1] + "?", writer.paragraph(writer.random.randint(120, 300))) for _ in range(count)]


def make_incidents(writer, count):
    """Incidents spread evenly over ten years, oldest first; the newest three are ongoing."""
    r = writer.random
    start = NOW - dt.timedelta(days=365 * YEARS)
    span = (NOW - dt.timedelta(hours=6) - start).total_seconds()
    items = []
    for index in range(count):
        started = start + dt.timedelta(seconds=int(span * index / max(count, 1)) + r.randint(0, 3000))
        started = started.replace(second=0)
        ongoing = index >= count - 3
        slug = f"{started:%Y-%m-%d}-incident-{index:05d}"
        affected = affected_entries(writer, with_status=True)
        update_count = r.randint(2, 5)
        updates = []
        moment = started
        for number in range(update_count):
            moment += dt.timedelta(minutes=r.randint(10, 50))
            last = number == update_count - 1
            status = "resolved" if last and not ongoing else PHASES[min(number, 2)]
            update = {"at": moment, "offset": r.choice(OFFSETS), "status": status, "message": writer.paragraph(r.randint(150, 400))}
            if not last and r.random() < 0.3:
                update["affected"] = affected_entries(writer, with_status=True)
            updates.append(update)
        items.append({
            "slug": slug,
            "title": writer.words(4).capitalize(),
            "started": started,
            "offset": r.choice(OFFSETS),
            "resolved": None if ongoing else moment,
            "impact": r.choice([None, None, None, "minor", "major"]),
            "affected": affected,
            "updates": updates,
            "questions": questions(writer, r.choice([0, 0, 1, 2, 3, 5])),
            "related": [],
            "body": writer.body(1000),
        })
    for index, item in enumerate(items):
        if index > 10 and r.random() < 0.1:
            item["related"] = [items[index - r.randint(1, 10)]["slug"]]
    return items


def make_maintenance(writer, count):
    """Past windows spread over ten years, two active and three upcoming ones at NOW."""
    r = writer.random
    start = NOW - dt.timedelta(days=365 * YEARS)
    span = (NOW - dt.timedelta(days=2) - start).total_seconds()
    windows = [start + dt.timedelta(seconds=int(span * i / max(count - 5, 1))) for i in range(max(count - 5, 0))]
    windows += [NOW - dt.timedelta(hours=1), NOW - dt.timedelta(minutes=30)]
    windows += [NOW + dt.timedelta(days=d) for d in (2, 9, 20)]
    items = []
    for index, window in enumerate(windows):
        window = window.replace(second=0)
        end = window + dt.timedelta(hours=r.randint(1, 4))
        past = end <= NOW
        cancelled = past and r.random() < 0.05
        updates = [{"at": window - dt.timedelta(days=7), "offset": r.choice(OFFSETS), "status": "scheduled", "message": writer.paragraph(200)}]
        if window <= NOW and not cancelled:
            updates.append({"at": window + dt.timedelta(minutes=5), "offset": 0, "status": "in-progress", "message": writer.paragraph(150)})
        if past and not cancelled:
            updates.append({"at": end - dt.timedelta(minutes=5), "offset": r.choice(OFFSETS), "status": "completed", "message": writer.paragraph(150)})
        items.append({
            "slug": f"{window:%Y-%m-%d}-maintenance-{index:05d}",
            "title": writer.words(3).capitalize() + " maintenance",
            "start": window,
            "end": end,
            "offset": r.choice(OFFSETS),
            "cancelled": cancelled,
            "affected": affected_entries(writer, with_status=False),
            "updates": updates,
            "questions": questions(writer, r.choice([0, 0, 1])),
            "body": writer.body(500),
        })
    return items


def make_posts(writer, count, incidents):
    r = writer.random
    start = NOW - dt.timedelta(days=365 * YEARS)
    span = (NOW - start).total_seconds()
    items = []
    for index in range(count):
        date = (start + dt.timedelta(seconds=int(span * index / max(count, 1)))).replace(second=0)
        linked = [i["slug"] for i in incidents if i["started"] <= date][-1:] if r.random() < 0.2 else []
        items.append({
            "slug": f"{date:%Y-%m-%d}-post-{index:05d}",
            "title": writer.words(5).capitalize(),
            "date": date,
            "author": r.choice([None, "Reseller Support", "Operations"]),
            "tags": sorted(r.sample(TAGS, r.randint(0, 3))),
            "clusters": sorted(r.sample(CLUSTERS, 1)) if r.random() < 0.3 else [],
            "incidents": linked,
            "questions": questions(writer, r.choice([0, 0, 0, 1, 2])),
            "body": writer.post_body(),
        })
    return items


# ---------------------------------------------------------------- Herald

SITE_YML = """title: Benchmark Mail Status
description: A generated status site for benchmarking Herald
base_url: https://status.example.com/
language: en
timezone: America/Toronto
blog:
  title: Reseller Blog
feed_entries: 50
history_days: 90
clusters:
{clusters}services:
{services}"""


def site_yml():
    clusters = "".join(
        f"  - id: {c}\n    name: Cluster {c.upper()}\n    description: Resellers on [admin.{c}.example.com](https://admin.{c}.example.com/)\n"
        for c in CLUSTERS
    )
    services = "".join(f"  - id: {s}\n    name: {n}\n    description: {n} for every mailbox\n" for s, n in SERVICES)
    return SITE_YML.format(clusters=clusters, services=services)


def updates_yaml(updates):
    out = ["updates:\n"]
    for u in updates:
        out.append(f"  - at: {stamp(u['at'], u['offset'])}\n    status: {u['status']}\n    message: {block(u['message'], 6)}")
        if u.get("affected"):
            out.append("    affected:\n" + affected_yaml(u["affected"], 6))
    return "".join(out)


def questions_yaml(pairs):
    if not pairs:
        return ""
    return "questions:\n" + "".join(f"  - q: {quoted(q)}\n    a: {block(a, 6)}" for q, a in pairs)


def herald_incident(item):
    head = [f"title: {quoted(item['title'])}\n", f"started: {stamp(item['started'], item['offset'])}\n"]
    if item["resolved"]:
        head.append(f"resolved: {stamp(item['resolved'])}\n")
    if item["impact"]:
        head.append(f"impact: {item['impact']}\n")
    head.append("affected:\n" + affected_yaml(item["affected"], 2))
    head.append(updates_yaml(item["updates"]))
    head.append(questions_yaml(item["questions"]))
    if item["related"]:
        head.append(f"related: [{', '.join(item['related'])}]\n")
    return "---\n" + "".join(head) + "---\n" + item["body"] + "\n"


def herald_maintenance(item):
    head = [
        f"title: {quoted(item['title'])}\n",
        f"window:\n  start: {stamp(item['start'], item['offset'])}\n  end: {stamp(item['end'], item['offset'])}\n",
    ]
    if item["cancelled"]:
        head.append("cancelled: true\n")
    head.append("affected:\n" + affected_yaml(item["affected"], 2))
    head.append(updates_yaml(item["updates"]))
    head.append(questions_yaml(item["questions"]))
    return "---\n" + "".join(head) + "---\n" + item["body"] + "\n"


def herald_post(item):
    head = [f"title: {quoted(item['title'])}\n", f"date: {stamp(item['date'])}\n"]
    if item["author"]:
        head.append(f"author: {item['author']}\n")
    for key in ("tags", "clusters", "incidents"):
        if item[key]:
            head.append(f"{key}: [{', '.join(item[key])}]\n")
    head.append(questions_yaml(item["questions"]))
    return "---\n" + "".join(head) + "---\n" + item["body"] + "\n"


# ---------------------------------------------------------------- Hugo

HUGO_CONFIG = """baseURL: https://status.example.com/
title: Benchmark Mail Status
languageCode: en
theme: hugo-theme
themesDir: {themes}
disableKinds: [sitemap, robotsTXT]
paginate: 25
taxonomies:
  tag: tags
markup:
  goldmark:
    extensions:
      typographer: true
      footnote: true
      table: true
      strikethrough: true
      linkify: true
      taskList: true
    renderer:
      unsafe: false
outputFormats:
  Atom:
    mediaType: application/atom+xml
    baseName: feed
    isPlainText: false
mediaTypes:
  application/atom+xml:
    suffixes: [atom]
outputs:
  home: [HTML, RSS, Atom]
  section: [HTML, RSS, Atom]
  taxonomy: [HTML]
  term: [HTML, RSS]
"""


def hugo_updates(updates):
    if not updates:
        return ""
    return "updates:\n" + "".join(
        f"  - at: {stamp(u['at'], u['offset'])}\n    status: {u['status']}\n    message: {block(u['message'], 6)}"
        for u in updates
    )


def hugo_page(title, date, extra, updates, pairs, body):
    head = f"title: {quoted(title)}\ndate: {stamp(date)}\n" + extra + hugo_updates(updates) + questions_yaml(pairs)
    return "---\n" + head + "---\n" + body + "\n"


def hugo_incident(item):
    extra = f"affected: {quoted(', '.join(e['cluster'] + '/' + '+'.join(e['services']) for e in item['affected']))}\n"
    return hugo_page(item["title"], item["started"], extra, item["updates"], item["questions"], item["body"])


def hugo_maintenance(item):
    return hugo_page(item["title"], item["start"], "", item["updates"], item["questions"], item["body"])


def hugo_post(item):
    extra = f"tags: [{', '.join(item['tags'])}]\n" if item["tags"] else ""
    return hugo_page(item["title"], item["date"], extra, [], item["questions"], item["body"])


# ---------------------------------------------------------------- files


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def all_markdown(incidents, maintenances, posts):
    for item in incidents + maintenances + posts:
        yield item["body"]
        for update in item.get("updates", []):
            yield update["message"]
        for question, answer in item["questions"]:
            yield question
            yield answer


def generate(args):
    writer = Writer(seed=20251006)
    incidents = make_incidents(writer, args.incidents)
    maintenances = make_maintenance(writer, max(args.incidents // 10, 5))
    posts = make_posts(writer, args.posts if args.posts is not None else args.incidents // 5, incidents)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    herald = os.path.join(out, "herald", "Content")
    hugo = os.path.join(out, "hugo")
    write(os.path.join(herald, "site.yml"), site_yml())
    theme_dir = os.path.abspath(os.path.join(os.path.dirname(__file__)))
    write(os.path.join(hugo, "config.yaml"), HUGO_CONFIG.format(themes=theme_dir))
    for item in incidents:
        write(os.path.join(herald, "incidents", item["slug"] + ".md"), herald_incident(item))
        write(os.path.join(hugo, "content", "incidents", item["slug"] + ".md"), hugo_incident(item))
    for item in maintenances:
        write(os.path.join(herald, "maintenance", item["slug"] + ".md"), herald_maintenance(item))
        write(os.path.join(hugo, "content", "maintenance", item["slug"] + ".md"), hugo_maintenance(item))
    for item in posts:
        write(os.path.join(herald, "blog", item["slug"] + ".md"), herald_post(item))
        write(os.path.join(hugo, "content", "blog", item["slug"] + ".md"), hugo_post(item))
    text = "\n\n".join(all_markdown(incidents, maintenances, posts)) + "\n"
    write(os.path.join(out, "all.md"), text)
    state = {"edit": incidents[len(incidents) // 2]["slug"], "ongoing": incidents[-1]["slug"]}
    write(os.path.join(out, "corpus.json"), json.dumps(state) + "\n")
    print(f"{out}: {len(incidents)} incidents, {len(maintenances)} maintenance, {len(posts)} posts, "
          f"{len(text.encode()) / 1e6:.1f} MB of Markdown")


def edit(args):
    """Appends a run-numbered sentence to the body of one resolved incident (both sites)."""
    state = json.load(open(os.path.join(args.dir, "corpus.json")))
    line = f"\nEdit {args.number}: we added a note about *mail delivery* after the review.\n"
    for site in ("herald/Content", "hugo/content"):
        with open(os.path.join(args.dir, site, "incidents", state["edit"] + ".md"), "a", encoding="utf-8") as handle:
            handle.write(line)


def add_update(args):
    """Adds one `monitoring` update, a minute later per run, to the newest ongoing incident."""
    state = json.load(open(os.path.join(args.dir, "corpus.json")))
    at = stamp(NOW - dt.timedelta(minutes=60 - int(args.number)))
    entry = f"  - at: {at}\n    status: monitoring\n    message: |\n      Update {args.number}: a fix is in place and we are *watching* the queues.\n"
    for site in ("herald/Content", "hugo/content"):
        path = os.path.join(args.dir, site, "incidents", state["ongoing"] + ".md")
        text = open(path, encoding="utf-8").read()
        text = text.replace("updates:\n", "updates:\n" + entry, 1)
        write(path, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    g = commands.add_parser("generate")
    g.add_argument("--incidents", type=int, required=True)
    g.add_argument("--posts", type=int)
    g.add_argument("--out", required=True)
    g.set_defaults(action=generate)
    for name, function in (("edit", edit), ("add-update", add_update)):
        c = commands.add_parser(name)
        c.add_argument("dir")
        c.add_argument("number")
        c.set_defaults(action=function)
    args = parser.parse_args()
    args.action(args)


if __name__ == "__main__":
    sys.exit(main())
