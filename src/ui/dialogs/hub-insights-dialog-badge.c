/* hub-insights-dialog-badge.c: the insights dialog's badge: the source's downloads as an SVG
 * badge, previewed, saved, and copied as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-badge-file.h"
#include "hub-insights-dialog-private.h"
#include "hub-net.h"
#include "hub-report.h"

static void
report (GtkWidget  *widget,
        const char *message)
{
  hub_insights_dialog_show_toast (HUB_INSIGHTS_DIALOG (widget), message);
}

void
hub_insights_dialog_update_badge (HubInsightsDialog *self)
{
  g_autoptr(HubBadgeSpec) spec = hub_insights_dialog_dup_badge (self);
  g_autofree char *svg = hub_badge_spec_dup_svg (spec);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&svg), strlen (svg));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* Drawn at twice the screen's scale, shown at the badge's own size. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, -1, HUB_BADGE_HEIGHT * 2 * scale, TRUE,
                                                NULL, NULL);
  if (pixbuf == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_picture_set_paintable (self->badge_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (GTK_WIDGET (self->badge_picture),
                               gdk_pixbuf_get_width (pixbuf) / (2 * scale),
                               gdk_pixbuf_get_height (pixbuf) / (2 * scale));
}

static void
on_badge_changed (HubInsightsDialog *self)
{
  hub_insights_dialog_update_badge (self);
}

static HubBadgeSpec *
dup_badge (GtkWidget *widget)
{
  return hub_insights_dialog_dup_badge (HUB_INSIGHTS_DIALOG (widget));
}

/* Class */

void
hub_insights_dialog_badge_class_init (GtkWidgetClass *widget_class)
{
  hub_badge_install_actions (widget_class, "insights", dup_badge, report);
}

void
hub_insights_dialog_badge_init (HubInsightsDialog *self)
{
  self->badge_settings = g_settings_new (APP_ID);
  hub_badge_bind_toggles (self->badge_settings, self->badge_figure_toggles, self->badge_variant_toggles);
  g_signal_connect_swapped (self->badge_figure_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
  g_signal_connect_swapped (self->badge_variant_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
}

/* The toggles may outlive the dialog a moment: they stop following the settings. */
void
hub_insights_dialog_badge_dispose (HubInsightsDialog *self)
{
  if (self->badge_figure_toggles == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->badge_figure_toggles, self);
  g_signal_handlers_disconnect_by_data (self->badge_variant_toggles, self);
  g_settings_unbind (self->badge_figure_toggles, "active-name");
  g_settings_unbind (self->badge_variant_toggles, "active-name");
}

/* Public */

/* The organisation's badge, of the figure and variant chosen, linked to its
 * page (the Hub's front page for a file or the demo). */
HubBadgeSpec *
hub_insights_dialog_dup_badge (HubInsightsDialog *self)
{
  const char *organization;
  const char *base;
  g_autofree char *link = NULL;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  organization = hub_source_id_get_organization (hub_source_get_id (self->source));
  base = self->endpoint != NULL ? self->endpoint : "https://huggingface.co";
  link = organization != NULL ? g_strconcat (base, "/", organization, NULL) : g_strdup (base);
  return hub_badge_spec_new (self->dataset, hub_dataset_get_overall (self->dataset),
                             hub_source_get_export_name (self->source), link, self->badge_settings);
}
