/* hub-chart-private.h: what the chart's files share
 *
 * hub-chart.c turns the series into points and layers, hub-chart-text.c
 * into words; hub-chart-layout.c lays the axes, the legend and the layers
 * out and draws them; hub-chart-input.c handles the pointer, the keyboard
 * and the tooltip; hub-chart-export.c renders the titled picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-area-layer.h"
#include "hub-axis.h"
#include "hub-chart.h"
#include "hub-column-layer.h"
#include "hub-day-mark-layer.h"
#include "hub-line-layer.h"
#include "hub-marker-layer.h"
#include "hub-stack-layer.h"

G_BEGIN_DECLS

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
} HubChartLabel;

/* A legend entry: a layer with a title, or a part of a stacked layer. */
typedef struct
{
  HubChartLayer *layer;
  int            part;      /* of a HubStackLayer, or -1 */
} HubChartLegendEntry;

struct _HubChart
{
  GtkWidget       parent_instance;

  HubDataset     *dataset;
  const HubRepo  *repo;
  HubDay          as_of;

  HubRangePreset  range;
  HubRange        custom;    /* the days of HUB_RANGE_CUSTOM */
  HubBucket       bucket;
  gboolean        cumulative;
  HubChartStyle   style;

  /* Computed when the data changes. */
  HubRange        span;
  GArray         *points;    /* HubPoint, one a bucket */
  GArray         *average;   /* double, for the last average->len points */
  gint64          earlier;   /* counted before the daily rows, cumulative only */
  gint64          max_value;

  /* The layers drawn, bottom first: some of the four below. */
  GPtrArray      *layers;
  HubChartLayer  *columns;
  HubChartLayer  *area;
  HubChartLayer  *average_line;
  HubChartLayer  *earlier_level;
  HubChartLayer  *day_marks;

  /* HUB_CHART_STYLE_LAYERS: the caller's layers over its days. */
  HubRange        given_span;
  GPtrArray      *given;     /* HubChartLayer, bottom first */
  GStrv           day_texts; /* one a day, for the tooltip */
  char           *description;
  char           *placeholder;

  /* Computed when the size (or the data) changes. */
  HubChartFrame   frame;
  GArray         *y_labels;  /* HubChartLabel */
  GArray         *y_lines;   /* double: y of each grid line */
  GArray         *x_labels;  /* HubChartLabel */
  GArray         *x_marks;   /* double: x of each tick mark */
  GArray         *legend;    /* HubChartLabel, one an entry */
  GArray         *legend_entries;  /* HubChartLegendEntry */
  PangoLayout    *empty_layout;
  double          tick_label_widths[HUB_AXIS_N_TICK_FORMATS];
  gboolean        tick_label_widths_valid;
  PangoFontDescription *font;  /* the labels were measured in it */

  int             marker;    /* a point index, or -1 */

  HubChartColors  colors;
  gboolean        colors_valid;
};

/* hub-chart.c */
gboolean    hub_chart_shows_average     (HubChart       *self);
const char *hub_chart_get_bucket_title  (HubChart       *self);
void        hub_chart_point_span        (HubChart       *self,
                                         guint           index,
                                         HubDay         *first,
                                         HubDay         *last);
int         hub_chart_index_for_day     (HubChart       *self,
                                         HubDay          day);

/* hub-chart-layout.c */
void        hub_chart_layout            (HubChart       *self,
                                         int             width,
                                         int             height);
void        hub_chart_snapshot_contents (HubChart       *self,
                                         GtkSnapshot    *snapshot);
void        hub_chart_update_colors     (HubChart       *self);
void        hub_chart_label_clear       (gpointer        data);
void        hub_chart_measure           (GtkWidget      *widget,
                                         GtkOrientation  orientation,
                                         int             for_size,
                                         int            *minimum,
                                         int            *natural,
                                         int            *minimum_baseline,
                                         int            *natural_baseline);

/* hub-chart-input.c */
void        hub_chart_init_input        (HubChart       *self);
void        hub_chart_move_marker       (HubChart       *self,
                                         int             index);
void        hub_chart_update_accessible (HubChart       *self);
gboolean    hub_chart_query_tooltip     (GtkWidget      *widget,
                                         int             x,
                                         int             y,
                                         gboolean        keyboard_mode,
                                         GtkTooltip     *tooltip);

G_END_DECLS
