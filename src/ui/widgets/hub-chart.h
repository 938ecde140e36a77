/* hub-chart.h: a repository's downloads over a range of days, drawn from layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-chart-layer.h"
#include "hub-day-mark-layer.h"
#include "hub-range.h"

G_BEGIN_DECLS

/* How the series is drawn: a bar a bucket with the 7-day average over the
 * days (the repository page), an area (the organisation's overview), or
 * no series but the caller's layers over its days (the request logs'
 * figures: lines, request classes stacked), set by hub_chart_set_layers(). */
typedef enum
{
  HUB_CHART_STYLE_COLUMNS,
  HUB_CHART_STYLE_AREA,
  HUB_CHART_STYLE_LAYERS,
} HubChartStyle;

#define HUB_TYPE_CHART_STYLE (hub_chart_style_get_type ())
#define HUB_TYPE_CHART       (hub_chart_get_type ())

GType hub_chart_style_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (HubChart, hub_chart, HUB, CHART, GtkWidget)

GtkWidget      *hub_chart_new               (void);

void            hub_chart_set_series        (HubChart          *self,
                                             HubDataset        *dataset,
                                             const HubRepo     *repo,
                                             HubDay             as_of);
HubRangePreset  hub_chart_get_range         (HubChart          *self);
void            hub_chart_set_range         (HubChart          *self,
                                             HubRangePreset     range);
void            hub_chart_set_custom_range  (HubChart          *self,
                                             HubRange           range);
void            hub_chart_set_day_marks     (HubChart          *self,
                                             const HubDayMark  *marks,
                                             guint              n_marks);
void            hub_chart_set_layers        (HubChart          *self,
                                             HubDay             first,
                                             HubDay             last,
                                             HubChartLayer    **layers,
                                             guint              n_layers,
                                             GStrv              day_texts,
                                             const char        *description);
HubBucket       hub_chart_get_bucket        (HubChart          *self);
void            hub_chart_set_bucket        (HubChart          *self,
                                             HubBucket          bucket);
gboolean        hub_chart_get_cumulative    (HubChart          *self);
void            hub_chart_set_cumulative    (HubChart          *self,
                                             gboolean           cumulative);
HubChartStyle   hub_chart_get_style         (HubChart          *self);
void            hub_chart_set_style         (HubChart          *self,
                                             HubChartStyle      style);

const GArray   *hub_chart_get_points        (HubChart          *self);
gboolean        hub_chart_get_point_partial (HubChart          *self,
                                             guint              index);
const double   *hub_chart_get_average       (HubChart          *self,
                                             guint             *n_values);
gint64          hub_chart_get_earlier       (HubChart          *self);
void            hub_chart_get_span          (HubChart          *self,
                                             HubDay            *first,
                                             HubDay            *last);
guint           hub_chart_get_n_layers      (HubChart          *self);
HubChartLayer  *hub_chart_get_layer         (HubChart          *self,
                                             guint              index);
int             hub_chart_get_marker        (HubChart          *self);
void            hub_chart_set_marker        (HubChart          *self,
                                             int                index);

char           *hub_chart_dup_point_text    (HubChart          *self,
                                             guint              index);
char           *hub_chart_dup_description   (HubChart          *self);
char           *hub_chart_dup_title         (HubChart          *self);
char           *hub_chart_dup_subtitle      (HubChart          *self);

GdkTexture     *hub_chart_render_picture    (HubChart          *self,
                                             GError           **error);
GskRenderNode  *hub_chart_render_node       (HubChart             *self,
                                             int                   width,
                                             int                   height,
                                             const HubChartColors *colors);
gboolean        hub_chart_save_png          (HubChart          *self,
                                             GFile             *file,
                                             GError           **error);

G_END_DECLS
