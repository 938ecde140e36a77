/* hub-format.h: how every widget writes numbers, changes, dates and ages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hub-range.h"

G_BEGIN_DECLS

/* How a date is written, each style translated once. */
typedef enum
{
  HUB_DATE_FULL,        /* "21 Nov 2026" */
  HUB_DATE_WEEKDAY,     /* "Sat 21 Nov 2026": one day of a chart */
  HUB_DATE_DAY_MONTH,   /* "21 Nov": a day on a date axis */
  HUB_DATE_MONTH,       /* "Nov 2026": a month on a date axis */
  HUB_DATE_MONTH_LONG,  /* "November 2026": one month of a chart */
  HUB_DATE_YEAR,        /* "2026": a year on a date axis */
} HubDateStyle;

char *hub_format_count         (gint64       value);
char *hub_format_compact       (gint64       value);
char *hub_format_count_fitting (gint64       value,
                                gboolean     room,
                                char       **tooltip);
char *hub_format_axis_value    (gint64       value);
char *hub_format_change        (HubChange    change);
char *hub_format_date          (HubDay       day,
                                HubDateStyle style);
char *hub_format_day           (HubDay       day);
char *hub_format_age           (GDateTime   *then,
                                GDateTime   *now);
char *hub_format_progress      (guint64      bytes,
                                guint64      total_bytes,
                                guint64      rows);

char *hub_format_range         (HubRange     range);
char *hub_format_span          (const HubSpan *span);
char *hub_format_span_change_tooltip (const HubSpan *span,
                                      gint64         downloads,
                                      gint64         compared);

const char *hub_format_range_preset (HubRangePreset preset);
const char *hub_format_change_style (HubChange change);
gboolean    hub_format_fits_card    (gint64    value);

G_END_DECLS
