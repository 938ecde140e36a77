/* hub-countries.h: a country's name from its ISO 3166-1 code, translated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        hub_countries_load (void);
const char *hub_country_name   (const char *code);

G_END_DECLS
