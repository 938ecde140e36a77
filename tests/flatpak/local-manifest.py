#!/usr/bin/env python3
# Derives the manifest that build-aux/flatpak-check.sh builds from the one
# users build (flatpak/io.github.hubanalytics.HubAnalytics.json): the same
# app, command, finish-args, cleanup and build of hub-analytics, with
#  - the runtime and SDK swapped for the local ones made from the platform root,
#  - the modules of libraries that root already has (Debian's libcsv and
#    libxxhash) left out,
#  - no debuginfo, no stripping and no AppStream compose, for which the root
#    has no tools (eu-strip, appstream-compose),
#  - the source folder as an absolute path, and the clone's other build
#    folders skipped as well.
#
# Usage: local-manifest.py MANIFEST RUNTIME SDK VERSION SOURCE-DIR > LOCAL.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import sys

FROM_RUNTIME = ('libcsv', 'xxhash')


def derive(manifest, runtime, sdk, version, source_dir):
    local = copy.deepcopy(manifest)
    local['runtime'] = runtime
    local['sdk'] = sdk
    local['runtime-version'] = version
    options = local.setdefault('build-options', {})
    options['no-debuginfo'] = True
    options['strip'] = False
    local['appstream-compose'] = False

    names = [m.get('name') if isinstance(m, dict) else m for m in local.get('modules', [])]
    for name in FROM_RUNTIME:
        if name not in names:
            raise ValueError(f'the manifest has no module {name} to take from the runtime')
    local['modules'] = [m for m in local['modules']
                        if not (isinstance(m, dict) and m.get('name') in FROM_RUNTIME)]

    app = local['modules'][-1]
    if app.get('name') != 'hub-analytics':
        raise ValueError('the last module is not hub-analytics')
    dirs = [s for s in app.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
    if len(dirs) != 1:
        raise ValueError('hub-analytics is not built from one local folder')
    dirs[0]['path'] = os.path.abspath(source_dir)
    skip = dirs[0].setdefault('skip', [])
    for entry in sorted(os.listdir(source_dir)):
        if (entry.startswith('build') and entry != 'build-aux') or entry.startswith('_build'):
            if entry not in skip:
                skip.append(entry)
    return local


def main():
    if len(sys.argv) != 6:
        sys.exit('usage: local-manifest.py MANIFEST RUNTIME SDK VERSION SOURCE-DIR')
    manifest_path, runtime, sdk, version, source_dir = sys.argv[1:]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    try:
        local = derive(manifest, runtime, sdk, version, source_dir)
    except ValueError as error:
        sys.exit(f'local-manifest.py: {error}')
    json.dump(local, sys.stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
