"""Live reload under the site's Content-Security-Policy, only while `make serve` runs.

MkDocs' development server adds one inline script to every page it serves: it asks the server
whether the site was rebuilt, and reloads the page when it was. The site's policy
(overrides/main.html: `script-src 'self'`) blocks inline scripts, so the preview never reloaded
on save. While serving, each page the server sends allows that one script by its SHA-256 hash,
in that response only (the script holds the build's time, so its hash changes with each build).
The server sends its error pages (the 404 page, which names the content's problems while they
last) without that script, so a tab left on one never came back: here they get it too.
The built site's policy is unchanged: nothing here runs in `make build`.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger("mkdocs.hooks.jtai")

POLICY = re.compile(
    rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?\bscript-src\b[^;"]*)'
)
OPEN, CLOSE, BODY_END = b"<script>", b"</script>", b"</body>"
INJECT = "_inject_js_into_html"  # MkDocs 1.6's LiveReloadServer: (page, epoch) -> page
EPOCH = "_visible_epoch"  # ... and the build it last finished (what the script compares with)


def script_hash(script: bytes) -> bytes:
    """The policy's source expression for an inline script: 'sha256-BASE64'."""
    return b"'sha256-" + base64.b64encode(hashlib.sha256(script).digest()) + b"'"


def allowed(page: bytes, script: bytes) -> bytes:
    """The page with its policy's script-src allowing `script` (and no other inline script)."""
    return POLICY.sub(lambda m: m.group(1) + b" " + script_hash(script), page, count=1)


def injected_script(before: bytes, after: bytes) -> bytes | None:
    """The inline script the server inserted into `before` to make `after` (just before the
    last </body>, as MkDocs does), or None when `after` is not that."""
    end = before.rfind(BODY_END)
    end = len(before) if end < 0 else end
    inserted = after[end : len(after) - (len(before) - end)]
    if (
        after[:end] != before[:end]
        or after[end + len(inserted) :] != before[end:]
        or not inserted.startswith(OPEN)
        or not inserted.endswith(CLOSE)
    ):
        return None
    return inserted[len(OPEN) : -len(CLOSE)]


def under_policy(server: Any) -> None:
    """Make the development server allow its live-reload script in each page it sends."""
    inject: Callable[[bytes, int], bytes] | None = getattr(server, INJECT, None)
    if inject is None:
        log.warning("live reload: this server adds no script we know; pages will not reload")
        return

    def inject_allowed(page: bytes, epoch: int) -> bytes:
        out = inject(page, epoch)
        script = injected_script(page, out)
        return out if script is None else allowed(out, script)

    setattr(server, INJECT, inject_allowed)
    _error_pages_reload(server, inject_allowed)


def _error_pages_reload(server: Any, inject: Callable[[bytes, int], bytes]) -> None:
    """Give the server's error pages the live-reload script (allowed), as its pages have."""
    handler: Callable[[int], bytes | None] | None = getattr(server, "error_handler", None)
    if handler is None or not isinstance(getattr(server, EPOCH, None), int):
        log.warning("live reload: error pages will not reload (no handler or build time found)")
        return

    def handler_reloading(code: int) -> bytes | None:
        page = handler(code)
        return None if page is None else inject(page, getattr(server, EPOCH))

    server.error_handler = handler_reloading
