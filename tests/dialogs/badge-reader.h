/* badge-reader.h: a badge's SVG read back with librsvg, for the dialogs' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asserts that librsvg reads svg as a badge HUB_BADGE_HEIGHT high and
 * draws it; returns its words (its title, "LABEL: VALUE") split in two. */
void badge_reader_read (const char  *svg,
                        char       **label,
                        char       **value);

G_END_DECLS
