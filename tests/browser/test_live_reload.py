"""Live reload under the Content-Security-Policy (issue 20 point 5): with `make serve`'s preview
open, saving a content file reloads the page with the new content, and no script is refused.
The published build's policy stays as it was: no inline script allowed, by hash or otherwise.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from paths import CONTENT
from preview import WAIT, poll, serving

CRITERIA = Path("syv-2023") / "criteria.yml"
OLD_TITLE, NEW_TITLE = "Identifying and reducing risk", "Identifying and reducing risk early"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


def test_saving_a_content_file_reloads_the_open_page(
    page: Any, tmp_path: Path, built_site: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with serving(content, tmp_path / "serve.log") as origin:
        url = f"{origin}/criteria/ec1.html"
        poll(url, lambda status, body: status == 200 and OLD_TITLE in body)
        recorded = page()
        with recorded.page.expect_request(lambda r: "/livereload/" in r.url):
            recorded.goto(url)  # the server's script runs, and asks whether to reload
        assert OLD_TITLE in recorded.page.locator("h1").inner_text()
        criteria = content / CRITERIA
        text = criteria.read_text(encoding="utf-8")
        assert text.count(f"title: {OLD_TITLE}\n") == 1
        with recorded.page.expect_event("load", timeout=WAIT * 1000):
            criteria.write_text(text.replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
        assert NEW_TITLE in recorded.page.locator("h1").inner_text()
        assert not recorded.console_errors, recorded.console_errors
    published = POLICY.search((built_site / "criteria" / "ec1.html").read_text(encoding="utf-8"))
    assert published, "the built page has no Content-Security-Policy"
    script_src = re.search(r"script-src ([^;]*)", published.group(1))
    assert script_src and script_src.group(1).strip() == "'self'", published.group(1)
