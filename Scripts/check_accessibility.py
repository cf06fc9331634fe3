"""Runs axe-core (as bundled by axe-selenium-python) on every page of a built site in headless
Chromium, at phone width, in the light and the dark colour scheme. The site is served over HTTP
from its root, as a static host serves it, so root-relative links (the 404 page's) resolve.
Exits 1 when any page has a violation."""
import functools
import http.server
import pathlib
import sys
import threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

root = pathlib.Path(sys.argv[1])
pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

failures = []
checked = 0
for scheme in ("light", "dark"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,900"):
        options.add_argument(flag)
    # Blink's preferredColorScheme: 0 is dark, 1 is light.
    options.add_argument(f"--blink-settings=preferredColorScheme={0 if scheme == 'dark' else 1}")
    if scheme == "dark":
        options.add_argument("--force-dark-mode")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(240)
    try:
        for page in pages:
            driver.get(f"{base}/{page}")
            dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
            if dark != (scheme == "dark"):
                failures.append(f"{page}: the {scheme} scheme did not apply")
            axe = Axe(driver)
            axe.inject()
            results = driver.execute_script(
                "return axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'best-practice']}})")
            checked += 1
            for violation in results["violations"]:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                failures.append(f"{page} ({scheme}): {violation['id']}: {violation['help']} at {targets}")
    finally:
        driver.quit()
server.shutdown()

for failure in failures:
    print(f"check-accessibility: {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
print(f"check-accessibility: axe-core found no violations ({checked} page views: "
      f"{len(pages)} pages, light and dark, 390 px)")
