"""Zip a built site into one archive a partnership can unzip and open from disk.

Usage: python scripts/make_dist.py SITE_DIR ZIP_PATH

Every file goes under one top-level folder named after the archive (for example
``jtai-ready-site/index.html``), in sorted order with fixed timestamps, so the same site
always gives the same bytes.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def make_dist(site_dir: Path, zip_path: Path) -> int:
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir}/index.html not found: build the site first (make build)")
    folder = zip_path.name.removesuffix(".zip")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_suffix(".zip.partial")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site_dir, zip_path = Path(argv[0]), Path(argv[1])
    count = make_dist(site_dir, zip_path)
    size_kib = zip_path.stat().st_size / 1024
    print(f"Wrote {zip_path} ({count} files, {size_kib:.0f} KiB); unzip it and open index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
