/* test-repo-table.c: the repository table's search, type filter, sort and
 * activation, and how many rows a frame fills it with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-repo-row.h"
#include "hub-repo-table-private.h"
#include "hub-ui-test-util.h"

typedef struct
{
  HubWindow    *window;
  HubRepoTable *table;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hub_test_set_preset (HUB_RANGE_ALL);
  f->window = hub_test_open_window ("fixture.csv", 1100, 760);
  f->table = hub_window_get_table (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hub_test_close_window (f->window);
}

/* The names as shown, joined with spaces, "org/" left out. */
static char *
shown (Fixture *f)
{
  GListModel *model = hub_repo_table_get_model (f->table);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, hub_repo_row_get_name (row) + strlen ("org/"));
    }
  return g_string_free (names, FALSE);
}

#define assert_shown(f, expected) \
  G_STMT_START { g_autofree char *_s = shown (f); g_assert_cmpstr (_s, ==, expected); } G_STMT_END

typedef struct
{
  const char *text;
  gboolean    changed;
} Wait;

static void
on_search_changed (GtkSearchEntry *entry,
                   Wait           *wait)
{
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->changed = TRUE;
}

/* Types text and waits for its search-changed: with a delay of 0, GtkSearchEntry
 * still emits it from a timeout (the empty text at once, which set_text passes
 * through on its way). */
static void
search (Fixture    *f,
        const char *text)
{
  GtkEditable *entry = hub_repo_table_get_search_entry (f->table);
  Wait wait = { text, FALSE };
  gulong id = g_signal_connect_after (entry, "search-changed",
                                      G_CALLBACK (on_search_changed), &wait);

  gtk_editable_set_text (entry, text);
  while (!wait.changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
}

static void
test_initial_order (Fixture       *f,
                    gconstpointer  data)
{
  assert_shown (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (f->table), "count-label"), ==,
                   "5 of 5 repositories");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *stack = hub_test_find_named (GTK_WIDGET (f->table), "table-stack");

  search (f, "ALPHA");
  assert_shown (f, "alpha alpha-demo");
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (f->table), "count-label"), ==,
                   "2 of 5 repositories");

  search (f, "alpha-");
  assert_shown (f, "alpha-demo");
  search (f, "a");
  assert_shown (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  search (f, "beta");
  assert_shown (f, "Beta-large");

  search (f, "zzz");
  assert_shown (f, "");
  g_assert_cmpstr (hub_test_label_text (GTK_WIDGET (f->table), "count-label"), ==,
                   "0 of 5 repositories");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  search (f, "");
  assert_shown (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");
}

static void
test_type_filter (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dropdown = hub_test_find_type (GTK_WIDGET (f->table), GTK_TYPE_DROP_DOWN);
  GListModel *types = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  /* The fixture has a space and no other type. */
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (types), 3), ==, "Spaces");

  hub_repo_table_set_type_filter (f->table, HUB_REPO_KIND_DATASET);
  assert_shown (f, "gamma-corpus delta-eval");
  hub_repo_table_set_type_filter (f->table, HUB_REPO_KIND_SPACE);
  assert_shown (f, "alpha-demo");
  search (f, "alpha");
  assert_shown (f, "alpha-demo");
  hub_repo_table_set_type_filter (f->table, HUB_REPO_KIND_MODEL);
  assert_shown (f, "alpha");
  hub_repo_table_set_type_filter (f->table, -1);
  assert_shown (f, "alpha alpha-demo");
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_NAME, GTK_SORT_ASCENDING);
  assert_shown (f, "alpha alpha-demo Beta-large delta-eval gamma-corpus");
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_NAME, GTK_SORT_DESCENDING);
  assert_shown (f, "gamma-corpus delta-eval Beta-large alpha-demo alpha");

  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_PERIOD, GTK_SORT_ASCENDING);
  assert_shown (f, "delta-eval alpha-demo Beta-large gamma-corpus alpha");
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_ALL_TIME, GTK_SORT_DESCENDING);
  assert_shown (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");

  /* Downloads over the sparkline's 90 days: 0, 5, 400, 450, 1000. */
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_SPARKLINE, GTK_SORT_ASCENDING);
  assert_shown (f, "delta-eval alpha-demo gamma-corpus alpha Beta-large");

  /* Over the last 30 days against the 30 from 35 days before: "—" first,
   * then −100 %, +100 %, and the two "new" last; ties go by name. All Time
   * has no change. */
  hub_test_set_preset (HUB_RANGE_LAST_30_DAYS);
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_CHANGE, GTK_SORT_ASCENDING);
  assert_shown (f, "delta-eval gamma-corpus alpha alpha-demo Beta-large");
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_CHANGE, GTK_SORT_DESCENDING);
  assert_shown (f, "Beta-large alpha-demo alpha gamma-corpus delta-eval");
  hub_test_set_preset (HUB_RANGE_ALL);

  /* Models, datasets, spaces. */
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_TYPE, GTK_SORT_ASCENDING);
  assert_shown (f, "alpha Beta-large delta-eval gamma-corpus alpha-demo");
}

static void
test_sort_kept_by_search (Fixture       *f,
                          gconstpointer  data)
{
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_NAME, GTK_SORT_DESCENDING);
  search (f, "a");
  assert_shown (f, "gamma-corpus delta-eval Beta-large alpha-demo alpha");
  search (f, "al");
  assert_shown (f, "delta-eval alpha-demo alpha");
  search (f, "");
  assert_shown (f, "gamma-corpus delta-eval Beta-large alpha-demo alpha");
}

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  hub_test_set_preset (HUB_RANGE_LAST_30_DAYS);
  g_assert_cmpint (hub_repo_table_get_span (f->table)->preset, ==, HUB_RANGE_LAST_30_DAYS);
  /* Last 30 days: Beta 1000, alpha 300, alpha-demo 5, then the two with 0. */
  assert_shown (f, "Beta-large alpha alpha-demo gamma-corpus delta-eval");
  hub_test_set_preset (HUB_RANGE_ALL);
  assert_shown (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
}

/* The names in the rows of widgets the column view shows, in order, "org/"
 * left out: the view's own rows, not the model. */
static char *
shown_in_view (Fixture *f)
{
  GtkWidget *view = hub_test_find_type (GTK_WIDGET (f->table), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = hub_test_find_type (view, GTK_TYPE_LIST_VIEW);
  GString *names = g_string_new (NULL);

  hub_test_wait_frames (3);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      /* The second cell is the name's. */
      GtkWidget *cell = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
      GtkWidget *label = gtk_widget_get_first_child (cell);

      if (!gtk_widget_get_visible (row))
        continue;
      g_assert_true (GTK_IS_INSCRIPTION (label));
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, gtk_inscription_get_text (GTK_INSCRIPTION (label)) + strlen ("org/"));
    }
  return g_string_free (names, FALSE);
}

#define assert_shown_in_view(f, expected) \
  G_STMT_START { g_autofree char *_s = shown_in_view (f); g_assert_cmpstr (_s, ==, expected); } G_STMT_END

/* The view keeps its rows of widgets while the search narrows and widens
 * (rows past the last are hidden, not destroyed): what it shows is the
 * model, in order, every time. */
static void
test_rows_follow_search (Fixture       *f,
                         gconstpointer  data)
{
  assert_shown_in_view (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  search (f, "alpha");
  assert_shown_in_view (f, "alpha alpha-demo");
  search (f, "alpha-");
  assert_shown_in_view (f, "alpha-demo");
  search (f, "zzz");
  assert_shown_in_view (f, "");
  search (f, "a");
  assert_shown_in_view (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  hub_repo_table_sort_by (f->table, HUB_REPO_COLUMN_NAME, GTK_SORT_ASCENDING);
  assert_shown_in_view (f, "alpha alpha-demo Beta-large delta-eval gamma-corpus");
  search (f, "e");
  assert_shown (f, "alpha-demo Beta-large delta-eval");
  assert_shown_in_view (f, "alpha-demo Beta-large delta-eval");
  hub_repo_table_set_type_filter (f->table, HUB_REPO_KIND_DATASET);
  assert_shown_in_view (f, "delta-eval");
  hub_repo_table_set_type_filter (f->table, -1);
  search (f, "");
  assert_shown_in_view (f, "alpha alpha-demo Beta-large delta-eval gamma-corpus");
}

/* The rows of widgets the view shows, in order. */
static GPtrArray *
row_widgets (Fixture *f)
{
  GtkWidget *view = hub_test_find_type (GTK_WIDGET (f->table), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = hub_test_find_type (view, GTK_TYPE_LIST_VIEW);
  GPtrArray *rows = g_ptr_array_new ();

  hub_test_wait_frames (3);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row))
      g_ptr_array_add (rows, row);
  return rows;
}

/* A search that changes the first rows shows the new rows in the rows of
 * widgets there were: none is destroyed and built again (GTK would, for
 * each item that left the model). */
static void
test_rows_kept_by_search (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) before = row_widgets (f);
  g_autoptr(GPtrArray) after = NULL;
  gpointer first = g_ptr_array_index (before, 0);

  g_assert_cmpuint (before->len, ==, 5);
  g_object_add_weak_pointer (G_OBJECT (first), &first);
  search (f, "beta");
  assert_shown_in_view (f, "Beta-large");
  after = row_widgets (f);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_nonnull (first);
  g_assert_true (g_ptr_array_index (after, 0) == first);
  search (f, "");
  assert_shown_in_view (f, "alpha gamma-corpus Beta-large alpha-demo delta-eval");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = row_widgets (f);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
  if (first != NULL)
    g_object_remove_weak_pointer (G_OBJECT (first), &first);
}

/* The selection goes with its row when a search moves it, and away with it. */
static void
test_selection_follows_row (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *view = hub_test_find_type (GTK_WIDGET (f->table), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  /* alpha-demo, the fourth row. */
  hub_test_activate_row (f->window, 3);
  g_assert_true (gtk_selection_model_is_selected (selection, 3));
  search (f, "demo");
  assert_shown (f, "alpha-demo");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  search (f, "beta");
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
}

static void
on_repo_activated (HubRepoTable *table,
                   guint         index,
                   int          *activated)
{
  *activated = (int) index;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = hub_test_find_type (GTK_WIDGET (f->table), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  int activated = -1;

  g_signal_connect (f->table, "repo-activated", G_CALLBACK (on_repo_activated), &activated);
  /* Row 1 is gamma-corpus, the third repository of the file. */
  hub_test_activate_row (f->window, 1);
  g_assert_cmpint (activated, ==, 2);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
}

/* A frame adds the rows a 5 ms budget pays for at what a row cost in the
 * frames before: at least one, at most the frame's cap, the cap while
 * nothing is measured. */
static void
test_fill_per_frame (void)
{
  g_assert_cmpuint (hub_repo_fill_per_frame (1200, 5000, 6), ==, 4);
  g_assert_cmpuint (hub_repo_fill_per_frame (2500, 5000, 6), ==, 2);
  g_assert_cmpuint (hub_repo_fill_per_frame (1250, 5000, 4), ==, 4);
  g_assert_cmpuint (hub_repo_fill_per_frame (1251, 5000, 4), ==, 3);
  g_assert_cmpuint (hub_repo_fill_per_frame (400, 5000, 4), ==, 4);
  /* A row that costs more than the budget still comes, alone. */
  g_assert_cmpuint (hub_repo_fill_per_frame (8000, 5000, 6), ==, 1);
  /* Rows without widgets: 1.5 µs each keep the cap of 1,024, 10 µs
   * each (a slow machine) halve it. */
  g_assert_cmpuint (hub_repo_fill_per_frame (1.5, 5000, 1024), ==, 1024);
  g_assert_cmpuint (hub_repo_fill_per_frame (10, 5000, 1024), ==, 500);
  g_assert_cmpuint (hub_repo_fill_per_frame (0, 5000, 1024), ==, 1024);
}

/* The first measure stands as it is; each later one moves the estimate
 * halfway: after a first row at 2.5 ms and later ones at 1 ms, frames
 * take 2 rows, 2, 3, then 4, the cap. */
static void
test_fill_estimate (void)
{
  double row_us = hub_repo_fill_estimate (0, 2500);

  g_assert_cmpfloat (row_us, ==, 2500);
  g_assert_cmpuint (hub_repo_fill_per_frame (row_us, 5000, 4), ==, 2);
  row_us = hub_repo_fill_estimate (row_us, 1000);
  g_assert_cmpfloat (row_us, ==, 1750);
  g_assert_cmpuint (hub_repo_fill_per_frame (row_us, 5000, 4), ==, 2);
  row_us = hub_repo_fill_estimate (row_us, 1000);
  g_assert_cmpfloat (row_us, ==, 1375);
  g_assert_cmpuint (hub_repo_fill_per_frame (row_us, 5000, 4), ==, 3);
  row_us = hub_repo_fill_estimate (row_us, 1000);
  g_assert_cmpuint (hub_repo_fill_per_frame (row_us, 5000, 4), ==, 4);
  /* A frame that cost more (the machine busy) takes fewer next. */
  row_us = hub_repo_fill_estimate (row_us, 3000);
  g_assert_cmpuint (hub_repo_fill_per_frame (row_us, 5000, 4), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/table/initial-order", test_initial_order);
  ADD ("/ui/table/search", test_search);
  ADD ("/ui/table/type-filter", test_type_filter);
  ADD ("/ui/table/sort", test_sort);
  ADD ("/ui/table/sort-kept-by-search", test_sort_kept_by_search);
  ADD ("/ui/table/period", test_period);
  ADD ("/ui/table/activate", test_activate);
  ADD ("/ui/table/rows-follow-search", test_rows_follow_search);
  ADD ("/ui/table/selection-follows-row", test_selection_follows_row);
  ADD ("/ui/table/rows-kept-by-search", test_rows_kept_by_search);
#undef ADD
  g_test_add_func ("/ui/table/fill-per-frame", test_fill_per_frame);
  g_test_add_func ("/ui/table/fill-estimate", test_fill_estimate);

  return g_test_run ();
}
