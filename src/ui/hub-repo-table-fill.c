/* hub-repo-table-fill.c: a dataset's rows into the table
 *
 * The rows of a dataset shown are made and put in the order shown in
 * another thread, then fill the table over frames: a few rows a frame
 * while the view makes row widgets (it keeps about 200 around the top),
 * then the rest many a frame. How many follows the time that adding a row
 * took in the frames before, measured here, since it differs from one
 * machine to another: each frame adds the rows that 5 ms pay for, and
 * their layout takes up to 40 % more, so that the fill leaves the rest of
 * a 16 ms frame (DESIGN.md) to the paint on any machine.
 *
 * On a busy two-core machine (bench-frames, llvmpipe) adding a row, when
 * the view makes and binds its seven widgets, took 0.35–0.8 ms of the
 * main thread, more the more rows it had made, and nearly all of the
 * frame's update; past those rows, 1,024 took 1–2 ms. There the caps
 * hold: 4 rows a frame while they are on screen, whose first paint adds
 * about 1.5 ms each, and 6 past them (8 took 20–35 ms with a screenful
 * and 14–20 past it), and the table fills in 46 frames. In a debug build
 * under the sanitizers, where a row costs 1–2 ms, frames add 2–4 rows,
 * their update and layout take about 7 ms at the median (8.5–10 with the
 * caps alone), and the table fills in 56–74 frames.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-repo-table-private.h"

/* What adding a frame's rows may take, measured: their layout comes on
 * top of it. */
#define FILL_BUDGET_US       5000
/* How far a frame's cost per row moves the estimate: half, so that it
 * follows a cost that changes as the view makes rows, and forgets within
 * a few frames one that the machine was busy in. */
#define FILL_SMOOTHING       0.5
/* The most rows a frame adds, however fast the machine. */
#define FILL_SHOWN_ROWS      32  /* more than a screenful at 1280 × 860 */
#define FILL_SHOWN_PER_FRAME 4
#define FILL_ROWS_PER_FRAME  6
#define FILL_WITH_WIDGETS    224
/* Rows without widgets: the 4,776 others of 5,000 at once took 9–16 ms
 * of one frame (the sort and filter models, the view's items), 1,024 take
 * 1–3 ms. */
#define FILL_REST_PER_FRAME  1024

void
hub_repo_table_stop_filling (HubRepoTable *self)
{
  g_cancellable_cancel (self->making);
  g_clear_object (&self->making);
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->fill_tick);
  self->fill_tick = 0;
  g_clear_pointer (&self->filling, g_ptr_array_unref);
}

/* Adds up to max rows still to show; FALSE once every row is in. */
static gboolean
fill_more (HubRepoTable *self,
           guint         max)
{
  guint n;

  if (self->filling == NULL)
    return FALSE;
  n = MIN (max, self->filling->len - self->filled);
  hub_repo_rows_append (self->store, (HubRepoRow **) self->filling->pdata + self->filled, n);
  self->filled += n;
  if (self->filled < self->filling->len)
    return TRUE;
  g_clear_pointer (&self->filling, g_ptr_array_unref);
  return FALSE;
}

guint
hub_repo_fill_per_frame (double row_us,
                         double budget_us,
                         guint  most)
{
  double rows;

  if (row_us <= 0)
    return most;
  rows = budget_us / row_us;
  return rows >= most ? most : rows >= 1 ? (guint) rows : 1;
}

double
hub_repo_fill_estimate (double row_us,
                        double measured_us)
{
  if (row_us == 0)
    return measured_us;
  return row_us + FILL_SMOOTHING * (measured_us - row_us);
}

static gboolean
fill_step (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  HubRepoTable *self = user_data;
  gboolean with_widgets = self->filled < FILL_WITH_WIDGETS;
  double *row_us = with_widgets ? &self->fill_row_us : &self->fill_rest_us;
  guint first = self->filled;
  guint n;
  gint64 start;
  gboolean more;

  /* A table not drawn yet (a window that shows it a frame after the rest)
   * makes no row widgets yet; its first frame draws it without rows: with
   * its first row that frame's paint took 12–17 ms, without it 5–7, and
   * the row's own frame 3–4 after it (bench-frames, llvmpipe). */
  if (gtk_widget_get_opacity (GTK_WIDGET (self)) == 0)
    {
      self->fill_hidden = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (self->fill_hidden)
    {
      self->fill_hidden = FALSE;
      return G_SOURCE_CONTINUE;
    }
  /* As many rows as the budget pays for at what a row cost in the frames
   * before; never more than a few while the view makes row widgets for
   * them (it keeps some 200), fewer while they are painted too; past
   * those, many. Until a row with widgets is measured, one comes alone:
   * the first cost the most. Rows without widgets cost hundreds of times
   * less: until measured, they come as many as they may. */
  if (with_widgets && *row_us == 0)
    n = 1;
  else
    n = hub_repo_fill_per_frame (*row_us, FILL_BUDGET_US,
                                 first < FILL_SHOWN_ROWS ? FILL_SHOWN_PER_FRAME
                                 : with_widgets         ? FILL_ROWS_PER_FRAME
                                                        : FILL_REST_PER_FRAME);
  start = g_get_monotonic_time ();
  more = fill_more (self, n);
  if (self->filled > first)
    *row_us = hub_repo_fill_estimate (*row_us, (double) (g_get_monotonic_time () - start)
                                               / (self->filled - first));
  if (more)
    return G_SOURCE_CONTINUE;
  self->fill_tick = 0;
  hub_repo_table_notify_filling (self);
  return G_SOURCE_REMOVE;
}

/* A dataset's rows, with span's downloads. */
static GPtrArray *
make_rows (HubDataset    *dataset,
           const HubSpan *span)
{
  guint n = dataset ? hub_dataset_get_n_repos (dataset) : 0;
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      HubRepoRow *row = hub_repo_row_new (dataset, i);

      hub_repo_row_set_span (row, span);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* The likes and privacy of infos_source (none without one). */
void
hub_repo_table_set_rows_infos (HubRepoTable *self,
                               GPtrArray    *rows,
                               guint         first)
{
  HubSource *source = self->infos_source;

  for (guint i = first; i < rows->len; i++)
    {
      HubRepoRow *row = g_ptr_array_index (rows, i);
      const HubRepoInfo *info = source ? hub_source_find_repo_info (source, hub_repo_row_get_repo (row))
                                       : NULL;

      hub_repo_row_set_info (row, info ? info->likes : -1, info ? info->is_private : FALSE);
    }
}

typedef struct
{
  HubDataset   *dataset;
  HubSpan       span;
  HubRepoOrder  order;
  GPtrArray    *dropped;  /* HubRepoRow: the rows shown before, let go here */
} MakeRows;

static void
make_rows_free (gpointer data)
{
  MakeRows *make = data;

  g_clear_object (&make->dataset);
  g_clear_pointer (&make->dropped, g_ptr_array_unref);
  g_free (make);
}

/* Off the main thread: a dataset's rows in the order shown (the rows of
 * 5,000 repositories take 7–13 ms to make and 2 ms to sort), and the last
 * references to the rows shown before (6–8 ms to finalize). Nothing else
 * holds the new rows yet; the old ones are only unreferenced. */
static void
make_rows_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  MakeRows *make = task_data;
  g_autoptr(GPtrArray) rows = NULL;

  g_clear_pointer (&make->dropped, g_ptr_array_unref);
  if (g_task_return_error_if_cancelled (task))
    return;
  rows = make_rows (make->dataset, &make->span);
  hub_repo_order_sort (&make->order, rows);
  g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

/* The rows given fill the table a few a frame, from the next frame on. */
static void
start_filling (HubRepoTable *self,
               GPtrArray    *rows)
{
  hub_repo_table_set_rows_infos (self, rows, 0);
  self->filling = rows;
  self->filled = 0;
  self->fill_hidden = FALSE;
  self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), fill_step,
                                                  self, NULL);
}

static void
on_rows_made (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HubRepoTable *self = HUB_REPO_TABLE (object);
  MakeRows *make = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: another dataset, or the table went away. */
  if (rows == NULL)
    return;
  g_clear_object (&self->making);
  /* The range changed while they were made. */
  if (!hub_span_equal (&make->span, &self->span))
    for (guint i = 0; i < rows->len; i++)
      hub_repo_row_set_span (g_ptr_array_index (rows, i), &self->span);
  start_filling (self, g_steal_pointer (&rows));
}

/* Every row in at once: for what reads the table as a whole (an export). */
void
hub_repo_table_finish_filling (HubRepoTable *self)
{
  if (self->making != NULL)
    {
      /* Made here instead, in the order shown. */
      g_autoptr(GPtrArray) rows = make_rows (self->dataset, &self->span);
      HubRepoOrder order;

      hub_repo_table_stop_filling (self);
      hub_repo_table_get_order (self, &order);
      hub_repo_order_sort (&order, rows);
      start_filling (self, g_steal_pointer (&rows));
    }
  if (self->filling == NULL)
    return;
  fill_more (self, G_MAXUINT);
  hub_repo_table_stop_filling (self);
  hub_repo_table_notify_filling (self);
}

/* The rows of the table's dataset and span: made aside and filling the
 * table over a few frames when there are many and the table is shown,
 * else all at once. */
void
hub_repo_table_fill (HubRepoTable *self)
{
  HubDataset *dataset = self->dataset;
  const HubSpan *span = &self->span;
  guint n = dataset ? hub_dataset_get_n_repos (dataset) : 0;

  hub_repo_table_stop_filling (self);
  if (n > FILL_ROWS_PER_FRAME && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    {
      /* The table empties at once, and fills over a few frames, in the
       * order it shows, once the rows are made in another thread: no frame
       * makes rows, and none more than a few rows of widgets. */
      g_autoptr(GTask) task = NULL;
      MakeRows *make = g_new0 (MakeRows, 1);

      make->dataset = g_object_ref (dataset);
      make->span = *span;
      hub_repo_table_get_order (self, &make->order);
      make->dropped = g_ptr_array_ref (self->store->rows);
      hub_repo_rows_replace (self->store, g_ptr_array_new_with_free_func (g_object_unref));
      self->making = g_cancellable_new ();
      task = g_task_new (self, self->making, on_rows_made, NULL);
      g_task_set_source_tag (task, hub_repo_table_fill);
      g_task_set_task_data (task, make, make_rows_free);
      g_task_run_in_thread (task, make_rows_thread);
    }
  else
    {
      g_autoptr(GPtrArray) rows = make_rows (dataset, span);

      hub_repo_table_set_rows_infos (self, rows, 0);
      /* One change: the sort model sorts once, the filter filters once. */
      hub_repo_rows_replace (self->store, g_steal_pointer (&rows));
    }
}
