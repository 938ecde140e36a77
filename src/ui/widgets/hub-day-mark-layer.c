/* hub-day-mark-layer.c: days marked on a chart: spikes, drops, notes, milestones passed
 *
 * Each marked day in the plot gets a dashed rule from top to bottom at
 * the middle of the day, a sign at its top (▲ a spike, ▼ a drop, ● a
 * note, ◆ a milestone) and its words beside the sign (before it, near the
 * plot's right end). The words of marks
 * close together go on successive lines, so that they do not overlap;
 * beyond three lines a mark keeps its sign and rule only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-chart-paint.h"
#include "hub-day-mark-layer.h"

#define SIGN        7.0    /* a sign's size */
#define LABEL_GAP   3.0
#define LABEL_WIDTH 140.0  /* the widest a label gets */
#define MAX_ROWS    4

typedef struct
{
  HubDay          day;
  HubDayMarkKind  kind;
  char           *label;
  /* Computed in layout. */
  double          x;
  double          label_x;   /* where its words start: right of the rule, or left where the plot ends */
  int             row;       /* -1: no words shown */
  PangoLayout    *layout;
} Mark;

struct _HubDayMarkLayer
{
  HubChartLayer  parent_instance;

  GArray        *marks;   /* Mark, by day */
  double         top;
  double         bottom;
  int            line_height;
};

G_DEFINE_FINAL_TYPE (HubDayMarkLayer, hub_day_mark_layer, HUB_TYPE_CHART_LAYER)

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->label);
  g_clear_object (&mark->layout);
}

static int
by_day (gconstpointer a,
        gconstpointer b)
{
  const Mark *x = a, *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static double
hub_day_mark_layer_get_max (HubChartLayer *layer)
{
  return 0;
}

/* Whether words from x to x + width on the first row would cover the
 * sign of a mark other than the index-th: signs sit on that row. */
static gboolean
covers_sign (HubDayMarkLayer *self,
             guint            index,
             double           x,
             double           width)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *other = &g_array_index (self->marks, Mark, i);

      if (i != index && other->x + SIGN / 2 >= x && other->x - SIGN / 2 <= x + width)
        return TRUE;
    }
  return FALSE;
}

static void
hub_day_mark_layer_layout (HubChartLayer       *layer,
                           const HubChartFrame *frame)
{
  HubDayMarkLayer *self = HUB_DAY_MARK_LAYER (layer);
  double left = frame->plot.origin.x, right = left + frame->plot.size.width;
  double row_end[MAX_ROWS];

  self->top = frame->plot.origin.y;
  self->bottom = frame->plot.origin.y + frame->plot.size.height;
  for (guint r = 0; r < MAX_ROWS; r++)
    row_end[r] = -G_MAXDOUBLE;
  /* Every sign's place first: words keep clear of the signs after them too. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      mark->x = hub_chart_frame_x (frame, mark->day + 0.5);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      int w, h;

      g_clear_object (&mark->layout);
      mark->row = -1;
      if (mark->x < left || mark->x > right || mark->label == NULL || *mark->label == '\0')
        continue;

      mark->layout = gtk_widget_create_pango_layout (frame->widget, mark->label);
      pango_layout_set_width (mark->layout, (int) (LABEL_WIDTH * PANGO_SCALE));
      pango_layout_set_ellipsize (mark->layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (mark->layout, &w, &h);
      self->line_height = h;
      /* Right of the rule, or left of it where the plot ends too soon. */
      mark->label_x = mark->x + SIGN / 2 + LABEL_GAP;
      if (mark->label_x + w > right && mark->x - SIGN / 2 - LABEL_GAP - w >= left)
        mark->label_x = mark->x - SIGN / 2 - LABEL_GAP - w;
      for (int r = 0; r < MAX_ROWS; r++)
        if (MIN (mark->x, mark->label_x) > row_end[r] &&
            (r > 0 || !covers_sign (self, i, mark->label_x - 2, w + 4)))
          {
            mark->row = r;
            row_end[r] = MAX (mark->x, mark->label_x + w);
            break;
          }
      if (mark->row < 0)
        g_clear_object (&mark->layout);
    }
}

static GdkRGBA
mark_color (HubDayMarkKind        kind,
            const HubChartColors *colors)
{
  switch (kind)
    {
    case HUB_DAY_MARK_SPIKE:
      /* libadwaita's success and error colours read in light and dark alike. */
      return (GdkRGBA) { 0.15f, 0.64f, 0.41f, 1 };
    case HUB_DAY_MARK_DROP:
      return (GdkRGBA) { 0.88f, 0.11f, 0.14f, 1 };
    case HUB_DAY_MARK_MILESTONE:
      return colors->accent;
    case HUB_DAY_MARK_NOTE:
    default:
      return colors->foreground;
    }
}

static void
append_sign (GtkSnapshot    *snapshot,
             HubDayMarkKind  kind,
             double          x,
             double          y,
             const GdkRGBA  *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  float h = SIGN / 2;

  switch (kind)
    {
    case HUB_DAY_MARK_SPIKE:
      gsk_path_builder_move_to (builder, x, y - h);
      gsk_path_builder_line_to (builder, x + h, y + h);
      gsk_path_builder_line_to (builder, x - h, y + h);
      break;
    case HUB_DAY_MARK_DROP:
      gsk_path_builder_move_to (builder, x - h, y - h);
      gsk_path_builder_line_to (builder, x + h, y - h);
      gsk_path_builder_line_to (builder, x, y + h);
      break;
    case HUB_DAY_MARK_MILESTONE:
      gsk_path_builder_move_to (builder, x, y - h);
      gsk_path_builder_line_to (builder, x + h, y);
      gsk_path_builder_line_to (builder, x, y + h);
      gsk_path_builder_line_to (builder, x - h, y);
      break;
    case HUB_DAY_MARK_NOTE:
    default:
      gsk_path_builder_add_circle (builder, &GRAPHENE_POINT_INIT (x, y), h);
      break;
    }
  gsk_path_builder_close (builder);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, color);
}

static void
hub_day_mark_layer_snapshot (HubChartLayer        *layer,
                             GtkSnapshot          *snapshot,
                             const HubChartFrame  *frame,
                             const HubChartColors *colors,
                             int                   marker)
{
  HubDayMarkLayer *self = HUB_DAY_MARK_LAYER (layer);

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      GdkRGBA color = mark_color (mark->kind, colors), rule = color, text = colors->foreground;
      double x = (double) (gint64) mark->x;

      if (mark->x < frame->plot.origin.x || mark->x > frame->plot.origin.x + frame->plot.size.width)
        continue;
      rule.alpha *= 0.6f;
      for (double y = self->top + SIGN; y < self->bottom; y += 6)
        gtk_snapshot_append_color (snapshot, &rule,
                                   &GRAPHENE_RECT_INIT (x, y, 1, MIN (3, self->bottom - y)));
      append_sign (snapshot, mark->kind, x + 0.5, self->top + SIGN / 2, &color);
      if (mark->layout != NULL)
        {
          GdkRGBA back = colors->background;
          int w, h;

          text.alpha *= 0.85f;
          back.alpha = 0.8f;
          pango_layout_get_pixel_size (mark->layout, &w, &h);
          gtk_snapshot_append_color (snapshot, &back,
                                     &GRAPHENE_RECT_INIT (mark->label_x - 2,
                                                          self->top + mark->row * self->line_height,
                                                          w + 4, h));
          hub_chart_append_layout (snapshot, mark->layout, mark->label_x,
                                   self->top + mark->row * self->line_height, &text);
        }
    }
}

static void
hub_day_mark_layer_finalize (GObject *object)
{
  HubDayMarkLayer *self = HUB_DAY_MARK_LAYER (object);

  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (hub_day_mark_layer_parent_class)->finalize (object);
}

static void
hub_day_mark_layer_class_init (HubDayMarkLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);

  object_class->finalize = hub_day_mark_layer_finalize;
  layer_class->get_max = hub_day_mark_layer_get_max;
  layer_class->layout = hub_day_mark_layer_layout;
  layer_class->snapshot = hub_day_mark_layer_snapshot;
}

static void
hub_day_mark_layer_init (HubDayMarkLayer *self)
{
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
}

HubChartLayer *
hub_day_mark_layer_new (void)
{
  return g_object_new (HUB_TYPE_DAY_MARK_LAYER, NULL);
}

/* Replaces the marks; they need not be in day order. */
void
hub_day_mark_layer_set_marks (HubDayMarkLayer  *self,
                              const HubDayMark *marks,
                              guint             n_marks)
{
  g_return_if_fail (HUB_IS_DAY_MARK_LAYER (self));
  g_return_if_fail (marks != NULL || n_marks == 0);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; i < n_marks; i++)
    {
      Mark mark = { marks[i].day, marks[i].kind, g_strdup (marks[i].label), 0, 0, -1, NULL };

      g_array_append_val (self->marks, mark);
    }
  g_array_sort (self->marks, by_day);
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}

guint
hub_day_mark_layer_get_n_marks (HubDayMarkLayer *self)
{
  g_return_val_if_fail (HUB_IS_DAY_MARK_LAYER (self), 0);

  return self->marks->len;
}

/* The index-th mark by day; its label lives as long as the marks do. */
void
hub_day_mark_layer_get_mark (HubDayMarkLayer *self,
                             guint            index,
                             HubDayMark      *mark)
{
  const Mark *kept;

  g_return_if_fail (HUB_IS_DAY_MARK_LAYER (self));
  g_return_if_fail (index < self->marks->len);
  g_return_if_fail (mark != NULL);

  kept = &g_array_index (self->marks, Mark, index);
  *mark = (HubDayMark) { kept->day, kept->kind, kept->label };
}

/* How many marks show their words after the last layout. */
guint
hub_day_mark_layer_get_n_shown (HubDayMarkLayer *self)
{
  guint n = 0;

  g_return_val_if_fail (HUB_IS_DAY_MARK_LAYER (self), 0);

  for (guint i = 0; i < self->marks->len; i++)
    n += g_array_index (self->marks, Mark, i).layout != NULL;
  return n;
}

/* The row of the index-th mark's words (0 at the plot's top, beside the
 * signs), or -1 when they are not shown. */
int
hub_day_mark_layer_get_row (HubDayMarkLayer *self,
                            guint            index)
{
  g_return_val_if_fail (HUB_IS_DAY_MARK_LAYER (self), -1);
  g_return_val_if_fail (index < self->marks->len, -1);

  return g_array_index (self->marks, Mark, index).layout != NULL
    ? g_array_index (self->marks, Mark, index).row : -1;
}
