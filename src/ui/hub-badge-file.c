/* hub-badge-file.c: a badge of downloads saved as an SVG file or copied as Markdown
 *
 * The insights dialog offers the organisation's badge and a repository's
 * page the repository's; both save and copy it here, with the same file
 * names and the same words, and share one choice of figure and variant,
 * kept in GSettings (the enums' values are HubBadgeFigure's and
 * HubBadgeVariant's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-badge-file.h"

typedef struct
{
  GtkWidget      *widget;
  HubBadgeReport  report;
  char           *svg;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->widget);
  g_free (saving->svg);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static char *
dup_value (const HubBadgeSpec *spec)
{
  return hub_badge_format_count (hub_badge_count (spec->dataset, spec->repo, spec->figure));
}

HubBadgeSpec *
hub_badge_spec_new (HubDataset    *dataset,
                    const HubRepo *repo,
                    const char    *name,
                    const char    *link,
                    GSettings     *settings)
{
  gsize name_size, link_size;
  HubBadgeSpec *spec;

  g_return_val_if_fail (HUB_IS_DATASET (dataset) && repo != NULL, NULL);
  g_return_val_if_fail (name != NULL && link != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  /* One block, the strings after the struct, so that g_free() frees it all. */
  name_size = strlen (name) + 1;
  link_size = strlen (link) + 1;
  spec = g_malloc0 (sizeof (HubBadgeSpec) + name_size + link_size);
  spec->dataset = dataset;
  spec->repo = repo;
  spec->figure = (HubBadgeFigure) g_settings_get_enum (settings, "badge-figure");
  spec->variant = (HubBadgeVariant) g_settings_get_enum (settings, "badge-variant");
  spec->name = memcpy ((char *) (spec + 1), name, name_size);
  spec->link = memcpy ((char *) (spec + 1) + name_size, link, link_size);
  return spec;
}

void
hub_badge_bind_toggles (GSettings      *settings,
                        AdwToggleGroup *figure,
                        AdwToggleGroup *variant)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_TOGGLE_GROUP (figure) && ADW_IS_TOGGLE_GROUP (variant));

  /* An enum key is its nick as a string: the toggles' names. */
  g_settings_bind (settings, "badge-figure", figure, "active-name", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "badge-variant", variant, "active-name", G_SETTINGS_BIND_DEFAULT);
}

void
hub_badge_add_choice_actions (GSettings  *settings,
                              GActionMap *map)
{
  g_autoptr(GAction) figure = NULL;
  g_autoptr(GAction) variant = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_ACTION_MAP (map));

  figure = g_settings_create_action (settings, "badge-figure");
  variant = g_settings_create_action (settings, "badge-variant");
  g_action_map_add_action (map, figure);
  g_action_map_add_action (map, variant);
}

char *
hub_badge_spec_dup_svg (const HubBadgeSpec *spec)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (spec != NULL && HUB_IS_DATASET (spec->dataset), NULL);

  value = dup_value (spec);
  return hub_badge_svg (hub_badge_label (spec->figure), value, spec->variant, NULL);
}

/* "NAME-downloads.svg" for the last 30 days, "NAME-downloads-all-time.svg"
 * or "NAME-downloads-this-month.svg" for the others, with "-dark" before
 * ".svg" for a dark page: each badge a file of its own beside a README. */
char *
hub_badge_spec_dup_file_name (const HubBadgeSpec *spec)
{
  g_return_val_if_fail (spec != NULL && spec->name != NULL, NULL);

  return g_strdup_printf ("%s-downloads%s%s.svg", spec->name,
                          spec->figure == HUB_BADGE_ALL_TIME ? "-all-time"
                          : spec->figure == HUB_BADGE_THIS_MONTH ? "-this-month" : "",
                          spec->variant == HUB_BADGE_DARK ? "-dark" : "");
}

/* The badge as a link to spec's page, its image the file Save Badge… suggests. */
char *
hub_badge_spec_dup_markdown (const HubBadgeSpec *spec)
{
  g_autofree char *value = NULL;
  g_autofree char *image = NULL;

  g_return_val_if_fail (spec != NULL && HUB_IS_DATASET (spec->dataset), NULL);

  value = dup_value (spec);
  image = hub_badge_spec_dup_file_name (spec);
  return hub_badge_markdown (hub_badge_label (spec->figure), value, image, spec->link);
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file == NULL)
    return;
  if (!g_file_replace_contents (file, saving->svg, strlen (saving->svg), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    saving->report (saving->widget, error->message);
  else
    saving->report (saving->widget, _("Badge saved"));
}

/* Asks where to save the badge, as it is now, and says how it went. */
static void
badge_save (const HubBadgeSpec *spec,
            GtkWidget          *widget,
            HubBadgeReport      report)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *name = NULL;
  Saving *saving;

  g_return_if_fail (spec != NULL && HUB_IS_DATASET (spec->dataset));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (report != NULL);

  saving = g_new0 (Saving, 1);
  saving->widget = g_object_ref (widget);
  saving->report = report;
  saving->svg = hub_badge_spec_dup_svg (spec);
  name = hub_badge_spec_dup_file_name (spec);
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Save Badge"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_file_chosen,
                        saving);
}

static void
badge_copy_markdown (const HubBadgeSpec *spec,
                     GtkWidget          *widget,
                     HubBadgeReport      report)
{
  g_autofree char *markdown = NULL;

  g_return_if_fail (spec != NULL && HUB_IS_DATASET (spec->dataset));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  markdown = hub_badge_spec_dup_markdown (spec);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  if (report != NULL)
    report (widget, _("Markdown for the badge copied"));
}

typedef struct
{
  HubBadgeSpecFunc dup_spec;
  HubBadgeReport   report;
} BadgeActions;

static G_DEFINE_QUARK (hub-badge-actions, badge_actions)

/* PREFIX.save-badge and PREFIX.copy-badge of every page: what the page
 * offers and how it reports are kept on its type. */
static void
badge_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const BadgeActions *actions = g_type_get_qdata (G_OBJECT_TYPE (widget), badge_actions_quark ());
  g_autoptr(HubBadgeSpec) spec = actions->dup_spec (widget);

  if (g_str_has_suffix (action_name, ".save-badge"))
    badge_save (spec, widget, actions->report);
  else
    badge_copy_markdown (spec, widget, actions->report);
}

void
hub_badge_install_actions (GtkWidgetClass   *widget_class,
                           const char       *prefix,
                           HubBadgeSpecFunc  dup_spec,
                           HubBadgeReport    report)
{
  static const char *const names[] = { "save-badge", "copy-badge" };
  BadgeActions *actions;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (prefix != NULL && dup_spec != NULL && report != NULL);

  /* Kept as long as the type, which is never unloaded. */
  actions = g_new (BadgeActions, 1);
  actions->dup_spec = dup_spec;
  actions->report = report;
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), badge_actions_quark (), actions);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (prefix, ".", names[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, badge_activated);
    }
}
