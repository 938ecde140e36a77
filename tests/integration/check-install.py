#!/usr/bin/env python3
# Installs the build into a scratch DESTDIR with `meson install` and checks
# that everything a desktop needs lands where it looks for it, and that the
# pieces agree with each other (desktop file, icon, binary, metainfo).
#
# Usage: check-install.py MESON BUILD-ROOT PREFIX APP-ID
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

failures = []


def fail(message):
    failures.append(message)


def main():
    if len(sys.argv) != 5:
        sys.exit('usage: check-install.py MESON BUILD-ROOT PREFIX APP-ID')
    meson, build_root, prefix, app_id = sys.argv[1:]

    with tempfile.TemporaryDirectory() as destdir:
        # Without --no-rebuild: `meson test` builds only what tests use, and
        # the translations are not among them.
        result = subprocess.run([meson, 'install', '-C', build_root,
                                 '--quiet', '--destdir', destdir],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f'meson install failed:\n{result.stdout}{result.stderr}')
        root = os.path.join(destdir, prefix.lstrip('/'))
        check_tree(root, app_id)

        appstreamcli = shutil.which('appstreamcli')
        if appstreamcli:
            # validate-tree checks the metainfo against the installed
            # desktop file and icons.
            result = subprocess.run([appstreamcli, 'validate-tree', '--no-net', root],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                fail(f'appstreamcli validate-tree:\n{result.stdout}{result.stderr}')

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print('the installed tree is complete')
    return 1 if failures else 0


def check_tree(root, app_id):
    share = os.path.join(root, 'share')
    wanted = [
        os.path.join('share', 'applications', app_id + '.desktop'),
        os.path.join('share', 'metainfo', app_id + '.metainfo.xml'),
        os.path.join('share', 'glib-2.0', 'schemas', app_id + '.gschema.xml'),
        os.path.join('share', 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
        os.path.join('share', 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'),
        os.path.join('share', 'locale', 'de', 'LC_MESSAGES', 'hub-analytics.mo'),
    ]
    for path in wanted:
        if not os.path.isfile(os.path.join(root, path)):
            fail(f'{path} is not installed')

    icons = os.path.join(share, 'icons', 'hicolor')
    for path, size in ((os.path.join(icons, 'scalable', 'apps', app_id + '.svg'), None),
                       (os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg'), '16')):
        if os.path.isfile(path):
            check_svg(path, size)

    desktop_path = os.path.join(share, 'applications', app_id + '.desktop')
    if not os.path.isfile(desktop_path):
        return
    desktop = configparser.RawConfigParser(interpolation=None, strict=False)
    desktop.optionxform = str
    desktop.read(desktop_path, encoding='utf-8')
    entry = desktop['Desktop Entry']

    binary = entry.get('Exec', '').split()[0] if entry.get('Exec') else ''
    installed = [os.path.join(root, d, binary) for d in ('bin', 'libexec')]
    if not binary or not any(os.access(p, os.X_OK) for p in installed):
        fail(f'the desktop file runs {binary!r}, which is not installed')
    if entry.get('Icon') != app_id:
        fail(f'the desktop file names the icon {entry.get("Icon")!r}, not {app_id}')
    if 'Comment[de]' not in entry:
        fail('the installed desktop file has no German comment')


def check_svg(path, size):
    try:
        svg = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        fail(f'{os.path.basename(path)} is not well-formed: {error}')
        return
    if svg.tag != '{http://www.w3.org/2000/svg}svg':
        fail(f'{os.path.basename(path)} is not an SVG image')
    elif size and (svg.get('width') != size or svg.get('height') != size):
        fail(f'{os.path.basename(path)} is not {size}×{size}')


if __name__ == '__main__':
    sys.exit(main())
