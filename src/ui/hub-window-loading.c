/* hub-window-loading.c: the window's files read and their progress
 *
 * Files opened (chosen, dropped or the demo) wait in a queue and are read
 * one load at a time off the main thread; that load, or a fetch, owns the
 * progress bar over the dashboard (or the loading page, with nothing shown
 * yet) and its Cancel button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-window-private.h"

#define PROGRESS_INTERVAL_MS 100

static void
unref_pending (gpointer file)
{
  g_clear_object (&file);
}

static gboolean
update_progress (gpointer user_data)
{
  HubWindow *self = user_data;
  guint64 bytes = atomic_load_explicit (&self->progress->bytes, memory_order_relaxed);
  guint64 rows = atomic_load_explicit (&self->progress->rows, memory_order_relaxed);
  guint64 total = self->progress->total_bytes;
  g_autofree char *counts = hub_format_progress (bytes, total, rows);
  g_autofree char *text = NULL;

  if (self->fetching)
    /* Translators: "Fetching aurora-labs: 12.3 MB · 1,234,567 rows" */
    text = g_strdup_printf (_("Fetching %s: %s"), self->loading_name, counts);
  else
    /* Translators: "Reading big.csv: 12.3 MB of 250.9 MB · 1,234,567 rows" */
    text = g_strdup_printf (_("Reading %s: %s"), self->loading_name, counts);
  gtk_label_set_label (self->progress_label, text);
  gtk_label_set_label (self->loading_label, text);
  if (total > 0)
    {
      double fraction = MIN (1.0, (double) bytes / (double) total);

      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_progress_bar_set_fraction (self->loading_bar, fraction);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_pulse (self->loading_bar);
    }
  return G_SOURCE_CONTINUE;
}

void
hub_window_finish_loading (HubWindow *self)
{
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->loading_name, g_free);
}

/* The load ended: its sources shown (or why there are none), and the
 * next load started. */
static void
show_loaded (HubWindow    *self,
             GPtrArray    *sources,
             const GError *error)
{
  hub_window_finish_loading (self);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      hub_window_add_source (self, g_ptr_array_index (sources, i));
      g_debug ("Models and widgets set %.3f s after the load started",
               (g_get_monotonic_time () - self->load_started) / (double) G_USEC_PER_SEC);
    }
  if (sources == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hub_window_show_toast (self, error->message);

  hub_window_end_progress (self);
}

static gboolean
show_appearing (gpointer user_data)
{
  HubWindow *self = user_data;
  g_autoptr(GPtrArray) sources = g_steal_pointer (&self->appearing);

  self->appear_idle = 0;
  show_loaded (self, sources, NULL);
  return G_SOURCE_REMOVE;
}

/* In the frame after the cards, chart and range were set (the loading
 * page's, or the dashboard's shown before): the rest of the source once
 * that frame is painted, before the next one. */
static gboolean
appear_step (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  HubWindow *self = HUB_WINDOW (widget);

  self->appear_tick = 0;
  self->appear_idle = g_idle_add (show_appearing, self);
  return G_SOURCE_REMOVE;
}

static void
on_source_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HubWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == hub_source_load_files_async)
    sources = hub_source_load_files_finish (result, &error);
  else
    {
      HubSource *source = hub_source_load_finish (result, &error);

      if (source != NULL)
        {
          sources = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (sources, source);
        }
    }

  /* The window went away while the worker ran. */
  if (self->sources == NULL)
    {
      hub_window_finish_loading (self);
      return;
    }

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_debug ("Read %s in %.3f s", hub_source_get_title (g_ptr_array_index (sources, i)),
             (g_get_monotonic_time () - self->load_started) / (double) G_USEC_PER_SEC);
  /* The dashboard's cards, chart and range now, before the next frame,
   * and the rest after that frame: the first dashboard's page before the
   * one that has its first layout and paint to do; a file opened over
   * another one's dashboard, its table, where all of it in one frame took
   * 16–20 ms of it (bench-frames, the file opened twice). */
  if (sources != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      hub_window_prepare_source (self, g_ptr_array_index (sources, 0));
      self->appearing = g_steal_pointer (&sources);
      self->appear_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), appear_step, NULL, NULL);
      return;
    }
  show_loaded (self, sources, error);
}

static void
start_next_load (HubWindow *self)
{
  g_autoptr(GListModel) files = g_queue_pop_head (&self->pending);
  g_autoptr(GFile) first = files ? g_list_model_get_item (files, 0) : NULL;
  g_autofree char *name = first ? g_file_get_basename (first) : g_strdup (_("demo data"));

  hub_window_begin_progress (self, name, FALSE);
  if (files != NULL)
    hub_source_load_files_async (files, self->progress, self->load_cancellable,
                                 on_source_loaded, g_object_ref (self));
  else
    hub_source_load_demo_async (self->load_cancellable, on_source_loaded, g_object_ref (self));
}

/* One piece of long work at a time (a file read or a fetch) owns the
 * progress bar, its Cancel button and self->progress. */
void
hub_window_begin_progress (HubWindow  *self,
                           const char *name,
                           gboolean    fetching)
{
  gboolean was_loading = self->load_cancellable != NULL;

  g_assert (self->load_cancellable == NULL);

  self->load_cancellable = g_cancellable_new ();
  self->progress = g_new0 (HubProgress, 1);
  self->loading_name = g_strdup (name);
  self->fetching = fetching;
  self->load_started = g_get_monotonic_time ();
  self->progress_timeout = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  update_progress (self);

  /* With nothing on screen yet, the loading page; otherwise the data stays
   * and the progress floats over it, so that nothing moves. */
  if (self->source == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_revealer_set_reveal_child (self->progress_revealer, self->source != NULL);

  hub_window_actions_update (self);
  if (!was_loading)
    hub_window_notify_loading (self);
}

/* Ends the work that owns the progress; files opened meanwhile start next. */
void
hub_window_end_progress (HubWindow *self)
{
  hub_window_finish_loading (self);
  /* A bar left pulsing (work that ended before its size was known) keeps
   * its tick callback, and so the window's frames, running while hidden. */
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);

  if (!g_queue_is_empty (&self->pending))
    {
      start_next_load (self);
      return;
    }

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (self->source == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  hub_window_actions_update (self);
  hub_window_notify_loading (self);
}

/* files: GFile, read together; NULL for the demo. */
static void
queue_load (HubWindow  *self,
            GListModel *files)
{
  g_queue_push_tail (&self->pending, files ? g_object_ref (files) : NULL);
  if (self->load_cancellable == NULL)
    start_next_load (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HubWindow     *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = files; l != NULL; l = l->next)
    g_list_store_append (store, l->data);
  g_slist_free (files);
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return FALSE;
  hub_window_open_files (self, G_LIST_MODEL (store));
  return TRUE;
}

void
hub_window_loading_init (HubWindow *self)
{
  GtkDropTarget *drop;

  g_queue_init (&self->pending);
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* A load in flight holds a reference: it ends, and finds the sources gone. */
void
hub_window_loading_dispose (HubWindow *self)
{
  if (self->appear_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->appear_tick);
  self->appear_tick = 0;
  g_clear_handle_id (&self->appear_idle, g_source_remove);
  g_clear_pointer (&self->appearing, g_ptr_array_unref);
  g_cancellable_cancel (self->load_cancellable);
  g_queue_clear_full (&self->pending, unref_pending);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
}

/* Opens a breakdown file as a source of its own (or reloads it, when open);
 * a file of request logs, or a folder, as hub_window_open_files() does. */
void
hub_window_open_file (HubWindow *self,
                      GFile     *file)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_list_store_append (files, file);
  queue_load (self, G_LIST_MODEL (files));
}

/* Opens files chosen together (GFile: breakdowns, request logs, folders of
 * them): each breakdown as a source, with the logs beside the first. */
void
hub_window_open_files (HubWindow  *self,
                       GListModel *files)
{
  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (g_list_model_get_n_items (files) > 0)
    queue_load (self, files);
}

void
hub_window_open_demo (HubWindow *self)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  hub_window_select_source (self, "demo");
  if (self->source == NULL || !g_str_equal (hub_source_get_id (self->source), "demo"))
    queue_load (self, NULL);
}

void
hub_window_cancel_load (HubWindow *self)
{
  g_queue_clear_full (&self->pending, unref_pending);
  g_cancellable_cancel (self->load_cancellable);
}
