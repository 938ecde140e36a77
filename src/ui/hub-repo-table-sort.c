/* hub-repo-table-sort.c: the table's order
 *
 * Each column's sorter compares the rows' fields (not properties, so that a
 * sort of thousands of rows reads memory), then their names; a dataset's
 * rows are put in the order shown before they fill the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-repo-table-private.h"

#define COMPARE(a, b) ((a) < (b) ? GTK_ORDERING_SMALLER : (a) > (b) ? GTK_ORDERING_LARGER \
                                                            : GTK_ORDERING_EQUAL)

/* A column's values: fields, not properties, so that a sort of thousands of
 * rows reads memory. */
static GtkOrdering
compare_values (HubRepoRow    *x,
                HubRepoRow    *y,
                HubRepoColumn  column)
{
  GtkOrdering order = GTK_ORDERING_EQUAL;

  switch (column)
    {
    case HUB_REPO_COLUMN_TYPE:
      order = COMPARE (hub_repo_row_get_kind (x), hub_repo_row_get_kind (y));
      break;
    case HUB_REPO_COLUMN_PERIOD:
      order = COMPARE (hub_repo_row_get_period_downloads (x), hub_repo_row_get_period_downloads (y));
      break;
    case HUB_REPO_COLUMN_ALL_TIME:
      order = COMPARE (hub_repo_row_get_all_time (x), hub_repo_row_get_all_time (y));
      break;
    case HUB_REPO_COLUMN_SPARKLINE:
      order = COMPARE (hub_repo_row_get_recent (x), hub_repo_row_get_recent (y));
      break;
    case HUB_REPO_COLUMN_CHANGE:
      order = COMPARE (hub_repo_row_get_change_key (x), hub_repo_row_get_change_key (y));
      break;
    case HUB_REPO_COLUMN_LIKES:
      order = COMPARE (hub_repo_row_get_likes (x), hub_repo_row_get_likes (y));
      break;
    case HUB_REPO_COLUMN_NAME:
    default:
      break;
    }
  return order;
}

/* A column's order: its values, then names (from keys made once per row). */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  HubRepoRow *x = HUB_REPO_ROW ((gpointer) a);
  HubRepoRow *y = HUB_REPO_ROW ((gpointer) b);
  GtkOrdering order = compare_values (x, y, (HubRepoColumn) GPOINTER_TO_INT (user_data));

  if (order != GTK_ORDERING_EQUAL)
    return order;
  /* Equal values go by name, so that the order is stable. */
  return gtk_ordering_from_cmpfunc (strcmp (hub_repo_row_get_collate_key (x),
                                            hub_repo_row_get_collate_key (y)));
}

static int
compare_as_shown (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const HubRepoOrder *by = user_data;
  GtkOrdering order = compare_values (HUB_REPO_ROW ((gpointer) a), HUB_REPO_ROW ((gpointer) b),
                                      by->column);

  return by->descending ? -order : order;
}

static GtkSorter *
set_column_sorter (GtkColumnViewColumn *column,
                   HubRepoColumn        which)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_rows,
                                                             GINT_TO_POINTER (which), NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_set_data (G_OBJECT (column), "hub-column", GINT_TO_POINTER (which));
  return GTK_SORTER (sorter);
}

void
hub_repo_table_sort_init (HubRepoTable *self)
{
  set_column_sorter (self->type_column, HUB_REPO_COLUMN_TYPE);
  set_column_sorter (self->name_column, HUB_REPO_COLUMN_NAME);
  self->period_sorter = set_column_sorter (self->period_column, HUB_REPO_COLUMN_PERIOD);
  set_column_sorter (self->all_time_column, HUB_REPO_COLUMN_ALL_TIME);
  set_column_sorter (self->sparkline_column, HUB_REPO_COLUMN_SPARKLINE);
  self->change_sorter = set_column_sorter (self->change_column, HUB_REPO_COLUMN_CHANGE);
  self->likes_sorter = set_column_sorter (self->likes_column, HUB_REPO_COLUMN_LIKES);
}

/* The column the view sorts by, and which way (sorted FALSE when none). */
void
hub_repo_table_get_order (HubRepoTable *self,
                          HubRepoOrder *order)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (sorter);

  *order = (HubRepoOrder) { .sorted = column != NULL };
  if (column == NULL)
    return;
  order->column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "hub-column"));
  order->descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
}

/* Rows in the order the column view shows them: by the sort column's values
 * (ties keep the file's order; the sort model settles them by name). Reads
 * only the rows: rows that no one else holds may be sorted in any thread. */
void
hub_repo_order_sort (const HubRepoOrder *order,
                     GPtrArray          *rows)
{
  if (order->sorted)
    g_ptr_array_sort_values_with_data (rows, compare_as_shown, (gpointer) order);
}

void
hub_repo_table_sort_by (HubRepoTable  *self,
                        HubRepoColumn  column,
                        GtkSortType    order)
{
  GtkColumnViewColumn *columns[] = {
    [HUB_REPO_COLUMN_TYPE] = self->type_column,
    [HUB_REPO_COLUMN_NAME] = self->name_column,
    [HUB_REPO_COLUMN_PERIOD] = self->period_column,
    [HUB_REPO_COLUMN_ALL_TIME] = self->all_time_column,
    [HUB_REPO_COLUMN_SPARKLINE] = self->sparkline_column,
    [HUB_REPO_COLUMN_CHANGE] = self->change_column,
    [HUB_REPO_COLUMN_LIKES] = self->likes_column,
  };

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (column <= HUB_REPO_COLUMN_LIKES);

  gtk_column_view_sort_by_column (self->column_view, columns[column], order);
}
