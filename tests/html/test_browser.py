"""The hostile vectors in a real browser: headless Chromium runs no injected script.

Two pages (HTML, and XHTML parsed as XML), two Chromium launches.  Each page gets one bundle
holding every vector (as values, as keys, inside nested lists) embedded by ``embed_page``, plus
a probe script in the body that ``JSON.parse``s the ldpress element's text, compares it with the
expected value (carried separately, base64-encoded) and writes the verdict into
``document.title``.  Payloads that would run if they escaped the element set
``window.__injected``; the probe reports that as a failure, and adds the document's content
type so the XHTML page is known to have gone through the XML parser.  ``--dump-dom`` prints the DOM after
scripts ran, and the test reads the title back.  Chromium flags follow DESIGN.md ("Testing in a
real browser"); the test skips with a reason only when Chromium cannot be installed.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ldpress.html.embed import embed_page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INJECT = "window.__injected=true;document.title='INJECTED'"
VECTORS = [
    "</script>",
    "</SCRIPT >",
    "</script\t>",
    "<!--",
    "<!--<script>",
    "-->",
    "<script>",
    "]]>",
    "<![CDATA[",
    "<\\/",
    "<\\/script>",
    "&amp;",
    "&lt;/script&gt;",
    "\u2028",
    "\u2029",
    f"</script><script>{INJECT}</script>",
    f"</SCRIPT ><script>{INJECT}</script>",
    f"<!--<script></script><script>{INJECT}</script>-->",
    f"]]></script><script>{INJECT}</script><![CDATA[",
    f'<img src="x" onerror="{INJECT}">',
    f"</head><body><script>{INJECT}</script>",
    "\u00e9\u65e5\u672c\U0001f600\u0000\u001f\u007f\u0085\ufeff\ud800",
]
PROBE = """<script>
(function () {
  var verdict;
  try {
    var els = document.querySelectorAll('script[type="application/ld+json"][data-ldpress]');
    var expected = JSON.parse(atob("EXPECTED"));
    if (els.length !== 1) {
      verdict = "FAIL: " + els.length + " ldpress elements";
    } else if (JSON.stringify(JSON.parse(els[0].textContent)) === JSON.stringify(expected)) {
      verdict = "PASS";
    } else {
      verdict = "FAIL: the element's JSON differs from the bundle";
    }
  } catch (e) {
    verdict = "FAIL: " + e;
  }
  if (window.__injected) { verdict = "FAIL: an injected script ran"; }
  document.title = verdict + " " + document.contentType;
})();
</script>"""
HTML_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>pending</title>
</head>
<body>
PROBE
</body>
</html>
"""
XHTML_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>pending</title>
</head>
<body>
PROBE
</body>
</html>
"""


def hostile_bundle() -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "".join(VECTORS),
        "keywords": VECTORS,
        "about": [{"@type": "Thing", "name": v, v: [v, {v: v}]} for v in VECTORS],
    }


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        installer = ROOT / ".ci" / "install-chromium"
        done = subprocess.run([installer], capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not CHROMIUM.exists():
            pytest.skip(f"chromium is not installable here: {done.stderr.strip()[-300:]}")
    return CHROMIUM


def _page(template: str, bundle: dict[str, Any]) -> bytes:
    expected = base64.b64encode(json.dumps(bundle).encode("ascii")).decode("ascii")
    page = template.replace("PROBE", PROBE.replace("EXPECTED", expected)).encode("utf-8")
    result = embed_page(page, bundle)
    assert result.page is not None and result.placement == "head", result.findings
    return result.page


def _title_after_scripts(chromium: Path, page: Path, profile: Path) -> str:
    done = subprocess.run(
        [str(chromium), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    titles = re.findall(r"<title>(.*?)</title>", done.stdout, re.S)
    assert len(titles) == 1, done.stdout[:2000]
    return titles[0]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("template", "suffix", "parsed_as"),
    [(HTML_PAGE, ".html", "text/html"), (XHTML_PAGE, ".xhtml", "application/xhtml+xml")],
    ids=["html", "xhtml"],
)
def test_no_vector_escapes_in_chromium(
    chromium: Path, tmp_path: Path, template: str, suffix: str, parsed_as: str
) -> None:
    page = tmp_path / f"vectors{suffix}"
    page.write_bytes(_page(template, hostile_bundle()))
    assert _title_after_scripts(chromium, page, tmp_path / "profile") == f"PASS {parsed_as}"


@pytest.mark.browser
def test_the_probe_detects_an_unescaped_element(chromium: Path, tmp_path: Path) -> None:
    """Control: the same payload in an element written without the escaping does run."""
    bundle = {"@type": "Thing", "name": f"</script><script>{INJECT}</script>"}
    raw = json.dumps(bundle, ensure_ascii=False)
    expected = base64.b64encode(json.dumps(bundle).encode("ascii")).decode("ascii")
    unsafe = f'<script type="application/ld+json" data-ldpress="1">{raw}</script>'
    text = HTML_PAGE.replace("PROBE", PROBE.replace("EXPECTED", expected))
    page = tmp_path / "unsafe.html"
    page.write_text(text.replace("</head>", unsafe + "\n</head>"), encoding="utf-8")
    assert _title_after_scripts(chromium, page, tmp_path / "profile").startswith("FAIL")
