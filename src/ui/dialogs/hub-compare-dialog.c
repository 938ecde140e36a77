/* hub-compare-dialog.c: the followed authors' totals side by side
 *
 * One column an author, one row a figure, from the latest snapshot the
 * history keeps of each (issue 12 draws their curves on one chart). The
 * grid depends on the data, so it is built here; the frame is the .ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-compare-dialog.h"
#include "hub-format.h"

struct _HubCompareDialog
{
  AdwDialog  parent_instance;

  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (HubCompareDialog, hub_compare_dialog, ADW_TYPE_DIALOG)

void
hub_author_totals_free (HubAuthorTotals *totals)
{
  g_free (totals->author);
  g_free (totals);
}

/* Sums author's latest snapshot (any thread, as the history allows). */
HubAuthorTotals *
hub_author_totals_load (HubHistory  *history,
                        const char  *endpoint,
                        const char  *author,
                        GError     **error)
{
  g_autoptr(HubAuthorTotals) totals = g_new0 (HubAuthorTotals, 1);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GArray) days = NULL;

  totals->author = g_strdup (author);
  totals->day = HUB_DAY_NONE;
  days = hub_history_list_days (history, endpoint, author, error);
  if (days == NULL)
    return NULL;
  totals->n_days = days->len;
  if (days->len == 0)
    return g_steal_pointer (&totals);
  infos = hub_history_load_latest (history, endpoint, author, &totals->day, error);
  if (infos == NULL)
    return NULL;
  totals->repos = infos->len;
  for (guint i = 0; i < infos->len; i++)
    {
      const HubRepoInfo *info = g_ptr_array_index (infos, i);

      totals->downloads += MAX (info->downloads, 0);
      totals->all_time += MAX (info->downloads_all_time, 0);
      totals->likes += MAX (info->likes, 0);
    }
  return g_steal_pointer (&totals);
}

static void
attach (HubCompareDialog *self,
        const char       *text,
        guint             column,
        guint             row,
        const char       *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->grid, label, (int) column, (int) row, 1, 1);
}

static void
attach_count (HubCompareDialog *self,
              gint64            value,
              gboolean          known,
              guint             column,
              guint             row)
{
  g_autofree char *text = known ? hub_format_count (value) : g_strdup ("—");

  attach (self, text, column, row, NULL);
}

static void
hub_compare_dialog_class_init (HubCompareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubCompareDialog, grid);
}

static void
hub_compare_dialog_init (HubCompareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* totals: HubAuthorTotals, one column each, in that order. */
AdwDialog *
hub_compare_dialog_new (GPtrArray *totals)
{
  HubCompareDialog *self = g_object_new (HUB_TYPE_COMPARE_DIALOG, NULL);

  attach (self, _("Repositories"), 0, 1, "dim-label");
  attach (self, _("Downloads, Last 30 Days"), 0, 2, "dim-label");
  attach (self, _("Downloads, All Time"), 0, 3, "dim-label");
  attach (self, _("Likes"), 0, 4, "dim-label");
  attach (self, _("Snapshots Kept"), 0, 5, "dim-label");
  attach (self, _("Latest Snapshot"), 0, 6, "dim-label");
  for (guint i = 0; i < totals->len; i++)
    {
      const HubAuthorTotals *author = g_ptr_array_index (totals, i);
      gboolean known = author->day != HUB_DAY_NONE;
      g_autofree char *day = known ? hub_format_date (author->day, HUB_DATE_FULL)
                                   : g_strdup (_("None yet"));

      attach (self, author->author, i + 1, 0, "heading");
      attach_count (self, author->repos, known, i + 1, 1);
      attach_count (self, author->downloads, known, i + 1, 2);
      attach_count (self, author->all_time, known, i + 1, 3);
      attach_count (self, author->likes, known, i + 1, 4);
      attach_count (self, author->n_days, TRUE, i + 1, 5);
      attach (self, day, i + 1, 6, NULL);
    }
  return ADW_DIALOG (self);
}

/* The text at row (0: the authors' names) and column (0: the figures'
 * names), for the tests. */
const char *
hub_compare_dialog_get_cell (HubCompareDialog *self,
                             guint             row,
                             guint             column)
{
  GtkWidget *child;

  g_return_val_if_fail (HUB_IS_COMPARE_DIALOG (self), NULL);

  child = gtk_grid_get_child_at (self->grid, (int) column, (int) row);
  return child ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
}
