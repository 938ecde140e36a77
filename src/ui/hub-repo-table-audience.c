/* hub-repo-table-audience.c: the table's Uniques and Sessions columns, from request logs
 *
 * When the source has request logs, two columns follow All Time: each
 * repository's unique downloaders and sessions over the Audience view's
 * days (hub-log.h defines both). A repository the logs do not name shows a
 * dash and sorts last. The columns are made here, not in the table's
 * template, and their state hangs on the table as object data, so that the
 * table's own files need not know about logs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-repo-table-audience.h"
#include "hub-repo-table-private.h"

#define AUDIENCE_KEY "hub-repo-table-audience"

typedef enum
{
  FIGURE_UNIQUES,
  FIGURE_SESSIONS,
  N_FIGURES
} Figure;

typedef struct
{
  HubRepoTable        *table;
  GtkColumnViewColumn *columns[N_FIGURES];
  GtkSorter           *sorters[N_FIGURES];
  gint64              *values[N_FIGURES];  /* by the dataset's repository index; -1: none */
  guint                n_repos;
} Audience;

static void
audience_free (Audience *audience)
{
  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_free (audience->values[f]);
      g_clear_object (&audience->sorters[f]);
      g_clear_object (&audience->columns[f]);
    }
  g_free (audience);
}

static gint64
value_of (Audience *audience,
          Figure    figure,
          guint     repo)
{
  if (audience == NULL || audience->values[figure] == NULL || repo >= audience->n_repos)
    return -1;
  return audience->values[figure][repo];
}

static void
update_figure (HubRepoTable *self,
               GtkListItem  *item,
               HubRepoRow   *row)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  Figure figure = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "hub-figure"));
  gint64 value = value_of (g_object_get_data (G_OBJECT (self), AUDIENCE_KEY), figure,
                           hub_repo_row_get_index (row));
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;

  if (value < 0)
    {
      gtk_label_set_label (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Not in the request logs"));
      return;
    }
  text = hub_format_count (value);
  gtk_label_set_label (label, text);
  exact = g_strdup_printf (figure == FIGURE_UNIQUES
                           /* Translators: a cell's tooltip; %s is a count */
                           ? _("%s unique downloaders in the request logs")
                           /* Translators: a cell's tooltip; %s is a count */
                           : _("%s sessions in the request logs"),
                           text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

static GtkWidget *
new_figure_label (GtkListItem *item,
                  Figure       figure)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "hub-figure", GINT_TO_POINTER (figure));
  return label;
}

static GtkWidget *
new_uniques_label (GtkListItem *item)
{
  return new_figure_label (item, FIGURE_UNIQUES);
}

static GtkWidget *
new_sessions_label (GtkListItem *item)
{
  return new_figure_label (item, FIGURE_SESSIONS);
}

static GtkListItemFactory *
new_factory (Audience *audience,
             Figure    figure)
{
  return hub_repo_table_cell_factory_new (audience->table,
                                          figure == FIGURE_UNIQUES ? new_uniques_label
                                                                   : new_sessions_label,
                                          update_figure);
}

static int
compare_figure (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  Audience *audience = g_object_get_data (G_OBJECT (column), AUDIENCE_KEY);
  Figure figure = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "hub-figure"));
  gint64 va = value_of (audience, figure, hub_repo_row_get_index (HUB_REPO_ROW ((gpointer) a)));
  gint64 vb = value_of (audience, figure, hub_repo_row_get_index (HUB_REPO_ROW ((gpointer) b)));

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_visible (Audience *audience)
{
  gboolean shown = audience->values[0] != NULL && !hub_repo_table_get_compact (audience->table);

  for (guint f = 0; f < N_FIGURES; f++)
    gtk_column_view_column_set_visible (audience->columns[f], shown);
}

static Audience *
ensure_audience (HubRepoTable *self)
{
  static const char *titles[N_FIGURES] = { N_("Uniques"), N_("Sessions") };
  Audience *audience = g_object_get_data (G_OBJECT (self), AUDIENCE_KEY);
  guint at = 0;

  if (audience != NULL)
    return audience;

  audience = g_new0 (Audience, 1);
  audience->table = self;
  /* After All Time. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);

      if (column == self->all_time_column)
        at = i + 1;
    }
  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_autoptr(GtkListItemFactory) factory = new_factory (audience, f);
      GtkColumnViewColumn *column = gtk_column_view_column_new (_(titles[f]), g_steal_pointer (&factory));

      gtk_column_view_column_set_fixed_width (column, 104);
      g_object_set_data (G_OBJECT (column), "hub-figure", GINT_TO_POINTER (f));
      g_object_set_data (G_OBJECT (column), AUDIENCE_KEY, audience);
      audience->sorters[f] = GTK_SORTER (gtk_custom_sorter_new (compare_figure, column, NULL));
      gtk_column_view_column_set_sorter (column, audience->sorters[f]);
      gtk_column_view_column_set_visible (column, FALSE);
      gtk_column_view_insert_column (self->column_view, at + f, column);
      audience->columns[f] = column;
    }
  g_object_set_data_full (G_OBJECT (self), AUDIENCE_KEY, audience, (GDestroyNotify) audience_free);
  g_signal_connect_swapped (self, "notify::compact", G_CALLBACK (update_visible), audience);
  return audience;
}

/* The logs' figures for the table's repositories, as the Audience view's
 * figures hold them for its days; logs NULL hides the columns. */
void
hub_repo_table_set_audience (HubRepoTable             *self,
                             HubLogStore              *logs,
                             const HubAudienceFigures *figures)
{
  Audience *audience;
  HubDataset *dataset;

  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  /* No columns at all until a source has logs. */
  if (logs == NULL && g_object_get_data (G_OBJECT (self), AUDIENCE_KEY) == NULL)
    return;
  audience = ensure_audience (self);
  for (guint f = 0; f < N_FIGURES; f++)
    g_clear_pointer (&audience->values[f], g_free);
  audience->n_repos = 0;

  dataset = hub_repo_table_get_dataset (self);
  if (logs != NULL && figures != NULL && dataset != NULL && figures->first != HUB_DAY_NONE)
    {
      audience->n_repos = hub_dataset_get_n_repos (dataset);
      for (guint f = 0; f < N_FIGURES; f++)
        {
          audience->values[f] = g_new (gint64, MAX (audience->n_repos, 1));
          for (guint r = 0; r < audience->n_repos; r++)
            audience->values[f][r] = -1;
        }
      for (guint l = 0; audience->n_repos > 0 && l < figures->n_repos; l++)
        {
          const char *type, *name;
          const HubRepo *repo;
          guint r;

          hub_log_store_get_repo (logs, l, &type, &name);
          if ((repo = hub_dataset_find_repo (dataset, type, name)) == NULL)
            continue;
          /* The dataset's repositories are one array: the index is the offset. */
          r = (guint) (repo - hub_dataset_get_repo (dataset, 0));
          audience->values[FIGURE_UNIQUES][r] = (gint64) figures->repos[l].uniques;
          audience->values[FIGURE_SESSIONS][r] = (gint64) figures->repos[l].sessions;
        }
    }

  /* The cells shown show the new figures; the sorters sort again. */
  hub_repo_table_refresh_cells (self, TRUE);
  for (guint f = 0; f < N_FIGURES; f++)
    gtk_sorter_changed (audience->sorters[f], GTK_SORTER_CHANGE_DIFFERENT);
  update_visible (audience);
}

/* A repository's figure (by the dataset's index), or -1 when the logs do
 * not name it or there are none. */
gint64
hub_repo_table_get_uniques (HubRepoTable *self,
                            guint         repo)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), -1);

  return value_of (g_object_get_data (G_OBJECT (self), AUDIENCE_KEY), FIGURE_UNIQUES, repo);
}

gint64
hub_repo_table_get_sessions (HubRepoTable *self,
                             guint         repo)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), -1);

  return value_of (g_object_get_data (G_OBJECT (self), AUDIENCE_KEY), FIGURE_SESSIONS, repo);
}
