/* hub-chart.h: the repository detail chart, daily bars with a 7-day average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_CHART_RANGE_30_DAYS,
  HUB_CHART_RANGE_90_DAYS,
  HUB_CHART_RANGE_YEAR,
  HUB_CHART_RANGE_ALL,
} HubChartRange;

/* How the x axis labels its ticks, from the finest to the coarsest. */
typedef enum
{
  HUB_CHART_TICK_DAY,    /* "3 Nov" */
  HUB_CHART_TICK_MONTH,  /* "Nov 2026" */
  HUB_CHART_TICK_YEAR,   /* "2026" */
  HUB_CHART_N_TICK_FORMATS,
} HubChartTickFormat;

#define HUB_TYPE_CHART_RANGE  (hub_chart_range_get_type ())
#define HUB_TYPE_CHART_BUCKET (hub_chart_bucket_get_type ())
#define HUB_TYPE_CHART        (hub_chart_get_type ())

GType hub_chart_range_get_type (void) G_GNUC_CONST;
GType hub_chart_bucket_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (HubChart, hub_chart, HUB, CHART, GtkWidget)

GtkWidget     *hub_chart_new                (void);

void           hub_chart_set_series         (HubChart          *self,
                                             HubDataset        *dataset,
                                             const HubRepo     *repo,
                                             HubDay             as_of);
HubChartRange  hub_chart_get_range          (HubChart          *self);
void           hub_chart_set_range          (HubChart          *self,
                                             HubChartRange      range);
HubBucket      hub_chart_get_bucket         (HubChart          *self);
void           hub_chart_set_bucket         (HubChart          *self,
                                             HubBucket          bucket);
gboolean       hub_chart_get_cumulative     (HubChart          *self);
void           hub_chart_set_cumulative     (HubChart          *self,
                                             gboolean           cumulative);

const GArray  *hub_chart_get_points         (HubChart          *self);
const double  *hub_chart_get_average        (HubChart          *self,
                                             guint             *n_values);
void           hub_chart_get_span           (HubChart          *self,
                                             HubDay            *first,
                                             HubDay            *last);
int            hub_chart_get_marker         (HubChart          *self);
void           hub_chart_set_marker         (HubChart          *self,
                                             int                index);
char          *hub_chart_dup_point_text     (HubChart          *self,
                                             guint              index);
char          *hub_chart_dup_description    (HubChart          *self);

GdkTexture    *hub_chart_render_texture     (HubChart          *self,
                                             GError           **error);
gboolean       hub_chart_save_png           (HubChart          *self,
                                             GFile             *file,
                                             GError           **error);

/* Pure helpers, public for the tests. */
guint          hub_chart_compute_y_ticks    (gint64             max,
                                             guint              max_ticks,
                                             gint64            *step);
GArray        *hub_chart_compute_x_ticks    (HubDay              first,
                                             HubDay              last,
                                             double              px_per_day,
                                             const double       *label_widths,
                                             HubChartTickFormat *format);
char          *hub_chart_format_compact     (guint64            value);
char          *hub_chart_format_tick_date   (HubDay             day,
                                             HubChartTickFormat format);

G_END_DECLS
