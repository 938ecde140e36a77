#!/usr/bin/env python3
# Checks that po/POTFILES.in lists exactly the files under src/ and data/
# with translatable strings: none missing, none that does not exist.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
from pathlib import Path

C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|dngettext|g_dngettext|g_dpgettext2)\s*\(')
UI_MARKERS = re.compile(r'\btranslatable\s*=\s*["\'](?:yes|true|1)["\']', re.IGNORECASE)
SCHEMA_MARKERS = re.compile(r'<(?:summary|description)\b')


def translatable(path: Path) -> bool:
    name = path.name
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    if name.endswith(('.c', '.h')):
        return C_MARKERS.search(strip_c_comments(read(path))) is not None
    if name.endswith('.ui'):
        return UI_MARKERS.search(read(path)) is not None
    if name.endswith('.gschema.xml'):
        return SCHEMA_MARKERS.search(read(path)) is not None
    return False


def read(path: Path) -> str:
    return path.read_text(encoding='utf-8', errors='replace')


def strip_c_comments(text: str) -> str:
    # A "_(" in a comment is not a translatable string; string literals
    # are kept, since that is where the marker's argument lives.
    return re.sub(r'("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')|/\*.*?\*/|//[^\n]*',
                  lambda m: m.group(1) or ' ', text, flags=re.DOTALL)


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    potfiles = root / 'po' / 'POTFILES.in'

    listed = []
    for line in read(potfiles).splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

    failures = []
    for entry in listed:
        if not (root / entry).is_file():
            failures.append(f'po/POTFILES.in lists {entry}, which does not exist')
    duplicates = sorted({e for e in listed if listed.count(e) > 1})
    for entry in duplicates:
        failures.append(f'po/POTFILES.in lists {entry} more than once')

    wanted = set()
    for top in ('src', 'data'):
        for path in sorted((root / top).rglob('*')):
            if path.is_file() and translatable(path):
                wanted.add(path.relative_to(root).as_posix())
    for entry in sorted(wanted - set(listed)):
        failures.append(f'{entry} has translatable strings but is missing from po/POTFILES.in')

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'po/POTFILES.in lists all {len(wanted)} files with translatable strings')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
