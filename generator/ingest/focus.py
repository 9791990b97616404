"""Read the focus areas the guidance sets out, in whatever shape its scope takes.

They follow a numbered paragraph that says what the inspections focus on and ends in ":"
("… the JTAIs will focus on the following:"), up to the next numbered paragraph:
- strands: each heading there with its bullets is one focus area (the heading its title, the
  text before the bullets its lead-in, any other text its introduction);
- stages: the bullets right after that paragraph, before any heading, are one focus area each
  (the stage as its title and point).
None found is an answer too: files.py then writes one focus area marked "To review".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..guidance_text import Block

FOCUS_INTRO = re.compile(r"\bfocus\b|\bstages?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Focus:
    title: str
    lead_in: str
    points: tuple[str, ...]
    para: int
    intro: str = ""


def read(blocks: tuple[Block, ...]) -> tuple[Focus, ...]:
    for at, block in enumerate(blocks):
        if block.kind == "para" and block.text.endswith(":") and FOCUS_INTRO.search(block.text):
            end = next(
                (i for i in range(at + 1, len(blocks)) if blocks[i].kind == "para"), len(blocks)
            )
            found = _strands(block, blocks[at + 1 : end]) or _stages(block, blocks[at + 1 : end])
            if found:
                return found
    return ()


def _stages(intro: Block, body: tuple[Block, ...]) -> tuple[Focus, ...]:
    """The bullets right after the intro, up to the next heading (the next section's)."""
    bullets = itertools.takewhile(lambda b: b.kind == "bullet", body)
    return tuple(Focus(b.text, intro.text, (b.text,), intro.para) for b in bullets)


def _strands(intro: Block, body: tuple[Block, ...]) -> tuple[Focus, ...]:
    found: list[Focus] = []
    starts = [i for i, b in enumerate(body) if b.kind == "heading"] + [len(body)]
    for start, end in itertools.pairwise(starts):
        part = body[start + 1 : end]
        points = tuple(b.text for b in part if b.kind == "bullet")
        texts = [b.text for b in part if b.kind == "text"]
        if points:
            lead_in = next((t for t in reversed(texts) if t.endswith(":")), intro.text)
            rest = " ".join(t for t in texts if t != lead_in)
            found.append(Focus(body[start].text, lead_in, points, intro.para, rest))
    return tuple(found)
