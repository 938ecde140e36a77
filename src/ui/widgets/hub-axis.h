/* hub-axis.h: where a chart's axes put their ticks, and what the labels say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hub-date.h"

G_BEGIN_DECLS

/* How a date axis labels its ticks, from the finest to the coarsest. */
typedef enum
{
  HUB_AXIS_TICK_DAY,    /* "3 Nov" */
  HUB_AXIS_TICK_MONTH,  /* "Nov 2026" */
  HUB_AXIS_TICK_YEAR,   /* "2026" */
  HUB_AXIS_N_TICK_FORMATS,
} HubAxisTickFormat;

guint   hub_axis_value_ticks  (gint64              max,
                               guint               max_ticks,
                               gint64             *step);
GArray *hub_axis_date_ticks   (HubDay              first,
                               HubDay              last,
                               double              px_per_day,
                               const double       *label_widths,
                               HubAxisTickFormat  *format);
char   *hub_axis_date_label   (HubDay              day,
                               HubAxisTickFormat   format);

G_END_DECLS
