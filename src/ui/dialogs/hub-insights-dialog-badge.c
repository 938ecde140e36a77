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

/* The organisation's badge, linked to its page (the Hub's front page for
 * a file or the demo). The strings live as long as the dialog's source. */
static HubBadgeSpec
badge_spec (HubInsightsDialog *self,
            char             **link)
{
  const char *organization = hub_source_id_get_organization (hub_source_get_id (self->source));
  const char *base = self->endpoint != NULL ? self->endpoint : "https://huggingface.co";

  HubBadgeSpec spec = {
    .dataset = self->dataset,
    .repo = hub_dataset_get_overall (self->dataset),
    .name = hub_source_get_export_name (self->source),
  };

  *link = organization != NULL ? g_strconcat (base, "/", organization, NULL) : g_strdup (base);
  spec.link = *link;
  hub_badge_spec_set_choice (&spec, self->badge_settings);
  return spec;
}

static void
report (GtkWidget  *widget,
        const char *message)
{
  hub_insights_dialog_show_toast (HUB_INSIGHTS_DIALOG (widget), message);
}

void
hub_insights_dialog_update_badge (HubInsightsDialog *self)
{
  g_autofree char *svg = hub_insights_dialog_dup_badge_svg (self);
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

static void
copy_badge_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autofree char *link = NULL;
  HubBadgeSpec spec = badge_spec (HUB_INSIGHTS_DIALOG (widget), &link);

  hub_badge_spec_copy_markdown (&spec, widget, report);
}

static void
save_badge_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autofree char *link = NULL;
  HubBadgeSpec spec = badge_spec (HUB_INSIGHTS_DIALOG (widget), &link);

  hub_badge_spec_save (&spec, widget, report);
}

/* Class */

void
hub_insights_dialog_badge_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "insights.save-badge", NULL, save_badge_activated);
  gtk_widget_class_install_action (widget_class, "insights.copy-badge", NULL, copy_badge_activated);
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

char *
hub_insights_dialog_dup_badge_svg (HubInsightsDialog *self)
{
  g_autofree char *link = NULL;
  HubBadgeSpec spec;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  spec = badge_spec (self, &link);
  return hub_badge_spec_dup_svg (&spec);
}

char *
hub_insights_dialog_dup_markdown (HubInsightsDialog *self)
{
  g_autofree char *link = NULL;
  HubBadgeSpec spec;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  spec = badge_spec (self, &link);
  return hub_badge_spec_dup_markdown (&spec);
}
