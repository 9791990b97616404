"""Checks every JSON Schema in the project passes: titled, described and closed."""

from __future__ import annotations

from typing import Any


def gaps(schema: Any, closed: bool = False) -> list[str]:
    """Each property with no title or description, and each object that does not say whether it
    takes other keys (with closed=True: that does not refuse them, additionalProperties: false)."""
    found: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if not ("title" in sub and "description" in sub):
                    found.append(f"{where}.properties.{name}")
            extra = node.get("additionalProperties")
            if node.get("type") == "object" and (extra is not False if closed else extra is None):
                found.append(f"{where}: additionalProperties is not {'false' if closed else 'set'}")
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}[{i}]")

    walk(schema, "$")
    return found
