/* hub-insights-dialog-badge.c: the insights dialog's badge: the source's downloads as an SVG
 * badge, previewed, saved, and copied as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-insights-dialog-private.h"
#include "hub-net.h"
#include "hub-report.h"

static HubBadgeFigure
badge_figure (HubInsightsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->badge_figure_toggles);

  if (g_strcmp0 (name, "all-time") == 0)
    return HUB_BADGE_ALL_TIME;
  if (g_strcmp0 (name, "this-month") == 0)
    return HUB_BADGE_THIS_MONTH;
  return HUB_BADGE_LAST_30_DAYS;
}

static HubBadgeVariant
badge_variant (HubInsightsDialog *self)
{
  return g_strcmp0 (adw_toggle_group_get_active_name (self->badge_variant_toggles), "dark") == 0
    ? HUB_BADGE_DARK : HUB_BADGE_LIGHT;
}

static char *
badge_value (HubInsightsDialog *self)
{
  return hub_badge_format_count (hub_badge_count (self->dataset, hub_dataset_get_overall (self->dataset),
                                                  badge_figure (self)));
}

static char *
badge_file_name (HubInsightsDialog *self)
{
  return g_strdup_printf ("%s-downloads%s.svg", hub_source_get_export_name (self->source),
                          badge_variant (self) == HUB_BADGE_DARK ? "-dark" : "");
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
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autofree char *markdown = hub_insights_dialog_dup_markdown (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  hub_insights_dialog_show_toast (self, _("Markdown for the badge copied"));
}

static void
on_badge_chosen (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HubInsightsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *svg = NULL;

  if (file == NULL)
    return;
  svg = hub_insights_dialog_dup_badge_svg (self);
  if (!g_file_replace_contents (file, svg, strlen (svg), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    hub_insights_dialog_show_toast (self, error->message);
  else
    hub_insights_dialog_show_toast (self, _("Badge saved"));
}

static void
save_badge_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HubInsightsDialog *self = HUB_INSIGHTS_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = badge_file_name (self);

  gtk_file_dialog_set_title (dialog, _("Save Badge"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_badge_chosen,
                        g_object_ref (self));
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
  g_signal_connect_swapped (self->badge_figure_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
  g_signal_connect_swapped (self->badge_variant_toggles, "notify::active-name",
                            G_CALLBACK (on_badge_changed), self);
}

/* Public */

char *
hub_insights_dialog_dup_badge_svg (HubInsightsDialog *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  value = badge_value (self);
  return hub_badge_svg (hub_badge_label (badge_figure (self)), value, badge_variant (self), NULL);
}

/* The badge as a link to the organisation's page (the Hub's front page
 * for a file or the demo), its image the file Save Badge… suggests. */
char *
hub_insights_dialog_dup_markdown (HubInsightsDialog *self)
{
  const char *organization;
  g_autofree char *value = NULL;
  g_autofree char *image = NULL;
  g_autofree char *link = NULL;
  const char *base;

  g_return_val_if_fail (HUB_IS_INSIGHTS_DIALOG (self), NULL);

  organization = hub_source_id_get_organization (hub_source_get_id (self->source));
  base = self->endpoint != NULL ? self->endpoint : "https://huggingface.co";
  link = organization != NULL ? g_strconcat (base, "/", organization, NULL) : g_strdup (base);
  value = badge_value (self);
  image = badge_file_name (self);
  return hub_badge_markdown (hub_badge_label (badge_figure (self)), value, image, link);
}
