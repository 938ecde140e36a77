#!/usr/bin/env python3
# Checks the Flatpak manifest as flatpak-builder reads it: it parses, names
# the app, asks for no more than the app needs, and pins every remote source
# (a commit for each git source, a sha256 for each downloaded file); and
# the local manifest that build-aux/flatpak-check.sh builds, derived from it
# by tests/flatpak/local-manifest.py, is the same app on the local runtime.
#
# Usage: check-flatpak-manifest.py FLATPAK-BUILDER MANIFEST APP-ID
# Exits 77 (skipped) when flatpak-builder is not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LIBCSV_URL = 'https://github.com/rgamble/libcsv.git'
LIBCSV_COMMIT = 'b1d5212831842ee5869d99bc208a21837e4037d5'

WANTED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--filesystem=~/.cache/huggingface:ro',
}

REMOTE_TYPES = {'archive', 'file', 'extra-data'}

failures = []


def fail(message):
    failures.append(message)


def show_manifest(builder, manifest):
    # flatpak-builder keeps a state folder in the working directory: use a
    # scratch one, not the source tree.
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([builder, '--show-manifest', manifest],
                                cwd=scratch, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'flatpak-builder --show-manifest failed:\n{result.stderr}')
    return json.loads(result.stdout)


def check_sources(module, manifest_dir):
    name = module.get('name', '?')
    for source in module.get('sources', []):
        if isinstance(source, str):
            # A source kept in a file of its own, relative to the manifest.
            with open(os.path.join(manifest_dir, source), encoding='utf-8') as f:
                loaded = json.load(f)
            nested = loaded if isinstance(loaded, list) else [loaded]
            check_sources({'name': name, 'sources': nested}, manifest_dir)
            continue
        kind = source.get('type')
        if kind == 'git':
            commit = source.get('commit', '')
            if not re.fullmatch(r'[0-9a-f]{40}', commit):
                fail(f'module {name}: git source {source.get("url")} is not pinned to a commit')
        elif kind in REMOTE_TYPES and 'url' in source:
            if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                fail(f'module {name}: {kind} source {source["url"]} has no sha256')
        elif kind in ('svn', 'bzr'):
            if not source.get('revision') and not source.get('tag'):
                fail(f'module {name}: {kind} source {source.get("url")} is not pinned')


def walk_modules(modules, manifest_dir):
    for module in modules:
        if isinstance(module, str):
            path = os.path.join(manifest_dir, module)
            with open(path, encoding='utf-8') as f:
                module = json.load(f)
            walk_modules([module], os.path.dirname(path))
            continue
        yield module
        yield from walk_modules(module.get('modules', []), manifest_dir)


def check_local_manifest(manifest, manifest_dir):
    """The local manifest differs from the users' only where it must."""
    source_dir = os.path.dirname(manifest_dir)
    path = os.path.join(source_dir, 'tests', 'flatpak', 'local-manifest.py')
    spec = importlib.util.spec_from_file_location('local_manifest', path)
    local_manifest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(local_manifest)
    local = local_manifest.derive(manifest, 'org.example.Platform', 'org.example.Sdk', '48',
                                  source_dir)

    if (local['runtime'], local['sdk'], local['runtime-version']) != \
            ('org.example.Platform', 'org.example.Sdk', '48'):
        fail('the local manifest does not use the local runtime')
    for key in ('id', 'command', 'finish-args', 'cleanup'):
        if local.get(key) != manifest.get(key):
            fail(f'the local manifest changes {key}')
    names = [m.get('name') for m in manifest.get('modules', []) if isinstance(m, dict)]
    local_names = [m.get('name') for m in local.get('modules', []) if isinstance(m, dict)]
    if local_names != [n for n in names if n not in local_manifest.FROM_RUNTIME]:
        fail(f'the local manifest builds {local_names}, not {names} without the runtime\'s libraries')
    app, local_app = manifest['modules'][-1], local['modules'][-1]
    for key in set(app) | set(local_app):
        if key != 'sources' and app.get(key) != local_app.get(key):
            fail(f'the local manifest builds hub-analytics with another {key}')
    if not os.path.isabs(local_app['sources'][0].get('path', '')):
        fail('the local manifest does not name the source folder by its absolute path')


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: check-flatpak-manifest.py FLATPAK-BUILDER MANIFEST APP-ID")
    builder, manifest_path, app_id = sys.argv[1:]
    if not shutil.which(builder):
        print('flatpak-builder is not installed: skipped')
        return 77

    manifest_path = os.path.abspath(manifest_path)
    manifest_dir = os.path.dirname(manifest_path)
    manifest = show_manifest(builder, manifest_path)

    if os.path.basename(manifest_path) != app_id + '.json':
        fail(f'the manifest should be named {app_id}.json')
    if manifest.get('id', manifest.get('app-id')) != app_id:
        fail(f'the manifest names {manifest.get("id", manifest.get("app-id"))!r}, not {app_id}')
    if manifest.get('command') != 'hub-analytics':
        fail('the command is not hub-analytics')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('the runtime is not the GNOME Platform with its SDK')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        fail('the runtime version is not a stable GNOME release')

    finish_args = set(manifest.get('finish-args', []))
    for arg in sorted(WANTED_FINISH_ARGS - finish_args):
        fail(f'finish-args lack {arg}')
    for arg in sorted(finish_args - WANTED_FINISH_ARGS):
        fail(f'finish-args ask for more than the app needs: {arg}')

    cleanup = set(manifest.get('cleanup', []))
    for pattern in ('/include', '*.a'):
        if pattern not in cleanup:
            fail(f'cleanup lacks {pattern}')

    modules = list(walk_modules(manifest.get('modules', []), manifest_dir))
    for module in modules:
        check_sources(module, manifest_dir)

    by_name = {m.get('name'): m for m in modules}
    libcsv = by_name.get('libcsv')
    if libcsv is None:
        fail('no libcsv module')
    else:
        if libcsv.get('buildsystem', 'autotools') != 'autotools':
            fail('libcsv is not built with autotools')
        gits = [s for s in libcsv.get('sources', []) if isinstance(s, dict) and s.get('type') == 'git']
        if not any(s.get('url') == LIBCSV_URL and s.get('commit') == LIBCSV_COMMIT for s in gits):
            fail(f'libcsv is not built from {LIBCSV_URL} at {LIBCSV_COMMIT}')

    if not modules or modules[-1].get('name') != 'hub-analytics':
        fail('the last module is not hub-analytics')
    else:
        app = modules[-1]
        if app.get('buildsystem') != 'meson':
            fail('hub-analytics is not built with meson')
        dirs = [s for s in app.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
        if not dirs or not os.path.isfile(os.path.join(manifest_dir, dirs[0].get('path', ''), 'meson.build')):
            fail('hub-analytics is not built from the local source folder')

    check_local_manifest(manifest, manifest_dir)

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{os.path.basename(manifest_path)}: parses, {len(modules)} modules, every remote source pinned, '
              'the local manifest derived from it')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
