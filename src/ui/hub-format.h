/* hub-format.h: how every widget writes numbers, changes, dates and ages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

char *hub_format_count         (gint64       value);
char *hub_format_compact       (gint64       value);
char *hub_format_count_fitting (gint64       value,
                                gboolean     room,
                                char       **tooltip);
char *hub_format_axis_value    (gint64       value);
char *hub_format_change        (HubChange    change);
char *hub_format_day           (HubDay       day);
char *hub_format_weekday       (HubDay       day);
char *hub_format_day_short     (HubDay       day);
char *hub_format_month         (HubDay       day);
char *hub_format_month_long    (HubDay       day);
char *hub_format_year          (HubDay       day);
char *hub_format_age           (GDateTime   *then,
                                GDateTime   *now);
char *hub_format_progress      (guint64      bytes,
                                guint64      total_bytes,
                                guint64      rows);

G_END_DECLS
