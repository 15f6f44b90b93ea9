"""The same configuration builds with ProperDocs, the maintained fork of MkDocs 1.x."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT, SITE_URL

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(site, tmp_path):
    properdocs = Path(sys.executable).with_name("properdocs")
    assert properdocs.exists() or shutil.which("properdocs"), (
        "properdocs is pinned in requirements/dev.txt"
    )
    target = tmp_path / "properdocs"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ours = sorted(p.relative_to(site.root) for p in site.root.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())
    assert theirs == ours
    for path in ours:
        mine, other = (site.root / path).read_bytes(), (target / path).read_bytes()
        if path.suffix == ".html":
            mine, other = GENERATOR.sub(b"", mine), GENERATOR.sub(b"", other)
        assert mine == other, path
