/* hub-json-private.h: members of the Hub's JSON answers, and of the cache's
 * copies, read strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A member's value when it is of that JSON type, else -1, NULL or FALSE: a
 * string where a number belongs is not read as 0, nor a number as a string. */
gint64      hub_json_int_member    (JsonObject *object,
                                    const char *member);
const char *hub_json_string_member (JsonObject *object,
                                    const char *member);
gboolean    hub_json_bool_member   (JsonObject *object,
                                    const char *member);

G_END_DECLS
