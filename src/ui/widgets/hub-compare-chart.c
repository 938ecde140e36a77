/* hub-compare-chart.c: up to six repositories or authors as lines on one scale, with a legend
 * and the range's notes
 *
 * The values come from hub_compare_compute (): counts, indexes (100 at the
 * range's start) or shares. Each series has a colour of libadwaita's
 * palette, a lighter shade of the same hue in the dark style, so that a
 * legend read in one style holds in the other. Drawn with cairo: six
 * lines of a few hundred points each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hub-axis.h"
#include "hub-format.h"
#include "hub-compare-chart.h"

#define PAD        12.0
#define AXIS_WIDTH 48.0
#define SWATCH     12.0

struct _HubCompareChart
{
  GtkWidget        parent_instance;

  HubCompareTable *table;
  double           top;   /* the value at the plot's top */
};

G_DEFINE_FINAL_TYPE (HubCompareChart, hub_compare_chart, GTK_TYPE_WIDGET)

/* libadwaita's blue 3, green 4, yellow 5, orange 4, red 3, purple 3; and
 * blue 2, green 2, yellow 2, orange 2, red 1, purple 2 in the dark style. */
static const guint32 light_palette[HUB_COMPARE_MAX] = {
  0x3584e4, 0x26a269, 0xc88800, 0xe66100, 0xc01c28, 0x813d9c,
};
static const guint32 dark_palette[HUB_COMPARE_MAX] = {
  0x99c1f1, 0x8ff0a4, 0xf9f06b, 0xffbe6f, 0xf66151, 0xdc8add,
};

void
hub_compare_chart_get_color (HubCompareChart *self,
                             guint            series,
                             GdkRGBA         *color)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint32 rgb = (dark ? dark_palette : light_palette)[series % HUB_COMPARE_MAX];

  *color = (GdkRGBA) { ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f,
                       (rgb & 0xff) / 255.f, 1 };
}

static char *
format_value (HubCompareChart *self,
              double           value)
{
  if (self->table->mode == HUB_COMPARE_SHARE)
    /* Translators: a share on the comparison's axis, "25 %" */
    return g_strdup_printf (_("%.0f %%"), value * 100);
  if (self->table->mode == HUB_COMPARE_INDEXED)
    return g_strdup_printf ("%.0f", value);
  return hub_format_axis_value ((gint64) value);
}

static void
draw (HubCompareChart *self,
      cairo_t         *cr,
      int              width,
      int              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const HubCompareTable *table = self->table;
  GdkRGBA fg;
  double max = 0, step, legend_bottom = PAD, x = PAD, left, right, bottom, plot_h;
  guint n_steps;
  gint64 whole_step;

  gtk_widget_get_color (widget, &fg);
  if (table == NULL || table->n_points == 0)
    return;

  /* The legend: a swatch and a name a series, wrapped over lines. */
  for (guint s = 0; s < table->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, table->labels[s]);
      GdkRGBA color;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (x + SWATCH + 6 + w > width - PAD && x > PAD)
        {
          x = PAD;
          legend_bottom += h + 4;
        }
      hub_compare_chart_get_color (self, s, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, x, legend_bottom + (h - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x + SWATCH + 6, legend_bottom);
      pango_cairo_show_layout (cr, layout);
      x += SWATCH + 6 + w + 16;
      if (s == table->n_series - 1)
        legend_bottom += h + 8;
    }

  for (guint i = 0; i < table->n_series * table->n_points; i++)
    if (!isnan (table->values[i]))
      max = MAX (max, table->values[i]);
  if (table->mode == HUB_COMPARE_SHARE)
    max = 1;
  /* Shares are ticked as percentages. */
  n_steps = hub_axis_value_ticks ((gint64) ceil (table->mode == HUB_COMPARE_SHARE ? 100 : max), 5,
                                  &whole_step);
  step = table->mode == HUB_COMPARE_SHARE ? whole_step / 100.0 : (double) whole_step;
  self->top = MAX (step * n_steps, 1e-9);

  left = PAD + AXIS_WIDTH;
  right = width - PAD;
  bottom = height - PAD - 18;
  legend_bottom += 8;   /* room for the top value's label */
  plot_h = bottom - legend_bottom;
  if (plot_h <= 10 || right - left <= 10)
    return;

  /* Grid lines and their values. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= n_steps; i++)
    {
      double value = step * i, y = bottom - plot_h * value / self->top;
      g_autofree char *text = format_value (self, value);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, right, floor (y) + 0.5);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, left - 6 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* The first and last buckets' dates under the plot. */
  for (guint end = 0; end < 2; end++)
    {
      guint p = end == 0 ? 0 : table->n_points - 1;
      g_autofree char *text = hub_format_date (table->starts[p], HUB_DATE_FULL);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, end == 0 ? left : right - w, bottom + 4);
      pango_cairo_show_layout (cr, layout);
    }

  /* The notes: a dashed line on their bucket, their words at the plot's
   * top, on two rows in turn so that neighbours do not overlap. */
  for (guint i = 0; i < table->notes->len; i++)
    {
      const HubCompareNote *note = &g_array_index (table->notes, HubCompareNote, i);
      guint p = hub_compare_point_of_day (table, note->day);
      double px = table->n_points > 1 ? left + (right - left) * p / (table->n_points - 1)
                                      : (left + right) / 2;
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, note->text);
      PangoAttrList *attrs = pango_attr_list_new ();
      int w, h;

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) MAX (right - px - 4, 40) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_save (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
      cairo_move_to (cr, floor (px) + 0.5, legend_bottom);
      cairo_line_to (cr, floor (px) + 0.5, bottom);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
      cairo_move_to (cr, px + w + 4 > right ? MAX (left, px - 4 - w) : px + 4,
                     legend_bottom + (i % 2) * (h + 2));
      pango_cairo_show_layout (cr, layout);
    }

  /* A line a series; a gap where there is no value. */
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < table->n_series; s++)
    {
      GdkRGBA color;
      gboolean drawing = FALSE;

      hub_compare_chart_get_color (self, s, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      for (guint p = 0; p < table->n_points; p++)
        {
          double value = hub_compare_value (table, s, p);
          double px = table->n_points > 1 ? left + (right - left) * p / (table->n_points - 1)
                                          : (left + right) / 2;
          double py = bottom - plot_h * MIN (value, self->top) / self->top;

          if (isnan (value))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          drawing = TRUE;
        }
      cairo_stroke (cr);
    }
}

static void
update_accessible (HubCompareChart *self)
{
  g_autoptr(GString) text = g_string_new (_("Comparison of"));

  for (guint s = 0; self->table != NULL && s < self->table->n_series; s++)
    g_string_append_printf (text, "%s %s", s == 0 ? "" : ",", self->table->labels[s]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

static void
hub_compare_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw (HUB_COMPARE_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
hub_compare_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 280;
}

static void
hub_compare_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (hub_compare_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
hub_compare_chart_finalize (GObject *object)
{
  HubCompareChart *self = HUB_COMPARE_CHART (object);

  g_clear_pointer (&self->table, hub_compare_free);

  G_OBJECT_CLASS (hub_compare_chart_parent_class)->finalize (object);
}

static void
hub_compare_chart_class_init (HubCompareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hub_compare_chart_finalize;
  widget_class->snapshot = hub_compare_chart_snapshot;
  widget_class->measure = hub_compare_chart_measure;
  widget_class->css_changed = hub_compare_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "comparechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_compare_chart_init (HubCompareChart *self)
{
  update_accessible (self);
}

GtkWidget *
hub_compare_chart_new (void)
{
  return g_object_new (HUB_TYPE_COMPARE_CHART, NULL);
}

/* Shows table, which the chart takes. */
void
hub_compare_chart_set_table (HubCompareChart *self,
                             HubCompareTable *table)
{
  g_return_if_fail (HUB_IS_COMPARE_CHART (self));

  g_clear_pointer (&self->table, hub_compare_free);
  self->table = table;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HubCompareTable *
hub_compare_chart_get_table (HubCompareChart *self)
{
  g_return_val_if_fail (HUB_IS_COMPARE_CHART (self), NULL);

  return self->table;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The chart as it is on screen, over the view's background, as a PNG:
 * the file is replaced whole or left as it was. */
gboolean
hub_compare_chart_save_png (HubCompareChart  *self,
                            GFile            *file,
                            GError          **error)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_status_t status;

  g_return_val_if_fail (HUB_IS_COMPARE_CHART (self), FALSE);

  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The chart is not on screen, so there is nothing to export"));
      return FALSE;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  if (dark)
    cairo_set_source_rgb (cr, 0x1d / 255.0, 0x1d / 255.0, 0x20 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (self, cr, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_replace_contents (file, (const char *) png->data, png->len, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
