/* hub-log-reader.c: request logs (CSV or JSON Lines, gzip or not, several
 * files) read into a HubLogStore
 *
 * Two threads take the input a block of whole lines at a time, in order, and
 * each aggregates its blocks into a store of its own; the stores merge at
 * the end. Lines without a quotation mark are split at commas by position
 * (memchr); once a quotation mark appears in a file, the rest of it goes
 * through libcsv, in order, under the reading lock. Sessions need every
 * line of an identity and repository in time order: each block's lines go
 * through one session tracker in block order, which forgets an identity
 * once log time has moved five minutes past its last line. A thread whose
 * block is done before the one ahead of it holds it and reads on, so that
 * neither waits for the other's slower block. Input found out
 * of order is read again with every line's session key kept and sorted.
 * Nothing reaches the caller's store unless every file was read whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-identity.h"
#include "hub-log-reader-private.h"

/* Takes block b's turn at the sessions; error is the block's (NULL for a
 * held one, which has none). Hands the worker's figures on when they are
 * many, unless may_flush is FALSE: another block's lines still point into
 * them. */
static void
take_turn (Worker     *w,
           HeldBlock  *b,
           ReadError **error,
           gboolean    may_flush)
{
  Read *read = w->read;
  LogEvent *events = (LogEvent *) (void *) b->events->data;
  gboolean failed = error != NULL && *error != NULL;
  guint n_starts = 0;
  gboolean tracked = FALSE;
  gboolean flush = FALSE;
  gboolean disorder;

  /* Sessions need the blocks in order: each waits for the one before, and
   * only the tracker runs in turn. The lines that start a session move to
   * the front of the block's events, to be counted in the worker's own
   * store once the other thread can take its turn. */
  g_mutex_lock (&read->turn_lock);
  while (read->turn != b->seq)
    g_cond_wait (&read->turn_changed, &read->turn_lock);

  if (failed)
    ;
  else if (read->collect)
    {
      for (guint i = 0; i < b->n_events; i++)
        events[i].seq = read->all_events->len + i;
      g_array_append_vals (read->all_events, events, b->n_events);
    }
  else if (!read->disorder)
    {
      for (guint i = 0; i < b->n_events; i++)
        if (log_tracker_add (&read->tracker, &events[i], &read->disorder))
          events[n_starts++] = events[i];
      tracked = TRUE;
    }
  disorder = read->disorder;
  read->turn++;
  g_cond_broadcast (&read->turn_changed);
  g_mutex_unlock (&read->turn_lock);

  if (tracked && !disorder)
    {
      /* The cells of a store of the whole span do not turn over with the
       * days: they only grow with new repositories, countries, methods and
       * statuses, and handing them on early merges the same cells again. */
      guint scale = w->whole ? 8 : 1;

      for (guint i = 0; i < n_starts; i++)
        log_count_session (w->store, &events[i]);
      flush = may_flush
              && (w->store->cells->len > FLUSH_CELLS * scale
                  || w->store->repo_days->len + w->store->country_days->len
                     > FLUSH_SKETCHES * scale);
    }
  b->n_events = 0;

  g_mutex_lock (&read->lock);
  if (!b->has_records)
    g_array_index (read->blocks, BlockInfo, b->seq).lines = b->lines;
  if (failed)
    log_keep_error (read, g_steal_pointer (error));
  if (disorder)
    read->stop = TRUE;
  g_mutex_unlock (&read->lock);

  /* Apart from the reading and the turns, so that the other thread reads on. */
  if (flush)
    {
      g_mutex_lock (&read->result_lock);
      log_store_merge (read->result, w->store);
      g_mutex_unlock (&read->result_lock);
      log_store_clear_lines (w->store);
      g_array_set_size (w->country_day_cache, 0);
      memset (w->region_cell_cache, 0, sizeof w->region_cell_cache);
      g_array_set_size (w->repo_day_cache, 0);
      memset (w->recent_adds, 0, sizeof w->recent_adds);
    }
}

static gboolean hold_always;

void
log_set_hold_always (gboolean always)
{
  hold_always = always;
}

static gboolean
is_turn (Read    *read,
         guint64  seq)
{
  gboolean mine;

  g_mutex_lock (&read->turn_lock);
  mine = read->turn == seq;
  g_mutex_unlock (&read->turn_lock);
  return mine;
}

/* The block held by w takes its turn, waiting for it if need be; its
 * events' array becomes the spare one. */
static void
release_held (Worker   *w,
              gboolean  may_flush)
{
  take_turn (w, &w->held, NULL, may_flush);
  w->spare_events = g_steal_pointer (&w->held.events);
}

/* After a block's lines, its turn at the sessions. When the other thread
 * is still at the block before, the block is held instead (one at most,
 * and none with an error) and the next one read meanwhile: neither thread
 * waits for the other's slower block. */
static void
finish_block (Worker *w)
{
  HeldBlock current = { w->seq, w->lines, w->has_records, w->events, w->n_events };

  /* The current block's events point into the store: no hand-over yet. */
  if (w->held.events != NULL)
    release_held (w, FALSE);
  w->n_events = 0;
  if (w->error == NULL && (hold_always || !is_turn (w->read, w->seq)))
    {
      w->held = current;
      w->events = g_steal_pointer (&w->spare_events);
      return;
    }
  take_turn (w, &current, &w->error, TRUE);
}

gpointer
log_work (gpointer data)
{
  Worker *w = data;
  Read *read = w->read;

  for (;;)
    {
      gboolean got;

      g_mutex_lock (&read->lock);
      got = log_next_block (read, w);
      g_mutex_unlock (&read->lock);
      if (!got)
        break;
      if (w->has_records)
        log_handle_records (w);
      else if (w->is_json)
        log_handle_json_lines (w);
      else
        log_handle_csv_lines (w);
      finish_block (w);
    }
  if (w->held.events != NULL)
    release_held (w, TRUE);
  return NULL;
}

static Worker *
worker_new (Read  *read,
            guint  id)
{
  Worker *w = g_new0 (Worker, 1);

  w->read = read;
  w->id = id;
  w->store = hub_log_store_new ();
  w->whole = w->store->whole = read->options->whole_span;
  for (guint i = 0; i < RECENT_TEXTS; i++)
    w->recent_methods[i].len = w->recent_types[i].len = RECENT_TEXT_NONE;
  w->events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  w->spare_events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  w->country_day_cache = g_array_new (FALSE, TRUE, sizeof (LogDayCache));
  w->repo_day_cache = g_array_new (FALSE, TRUE, sizeof (LogDayCache));
  w->buffer = g_byte_array_new ();
  w->record_data = g_byte_array_new ();
  w->record_fields = g_array_new (FALSE, FALSE, sizeof (Field));
  w->records = g_array_new (FALSE, FALSE, sizeof (Record));
  w->key = g_string_sized_new (256);
  w->json = json_parser_new ();
  return w;
}

static void
worker_free (Worker *w)
{
  hub_log_store_free (w->store);
  g_array_unref (w->events);
  g_clear_pointer (&w->spare_events, g_array_unref);
  g_clear_pointer (&w->held.events, g_array_unref);
  g_array_unref (w->country_day_cache);
  g_array_unref (w->repo_day_cache);
  g_byte_array_unref (w->buffer);
  g_byte_array_unref (w->record_data);
  g_array_unref (w->record_fields);
  g_array_unref (w->records);
  g_string_free (w->key, TRUE);
  g_object_unref (w->json);
  log_read_error_free (w->error);
  g_free (w);
}

/* One pass over every file; FALSE on error, or with read->disorder. */
static gboolean
read_all (Read         *read,
          HubLogStore  *store,
          GError      **error)
{
  Worker *workers[N_WORKERS];
  g_autoptr(GArray) open_sessions = g_array_new (FALSE, FALSE, sizeof (LogOpenSession));
  gboolean ok;

  for (guint i = 0; i < N_WORKERS; i++)
    workers[i] = worker_new (read, i);
  read->result = store;
  log_tracker_init (&read->tracker, store->open_sessions, store->horizon_ms);
  if (read->collect)
    for (guint i = 0; i < store->open_sessions->len; i++)
      {
        LogOpenSession *o = &g_array_index (store->open_sessions, LogOpenSession, i);
        LogEvent e = { o->identity, o->repo, o->last_ms, 0, NO_CELL, 0, NO_CELL };

        g_array_append_val (read->all_events, e);
      }

  read->helper = workers[1];
  log_work (workers[0]);
  if (read->helper_thread != NULL)
    g_thread_join (g_steal_pointer (&read->helper_thread));

  if (read->csv_ready)
    {
      csv_free (&read->csv);
      read->csv_ready = FALSE;
    }
  g_clear_object (&read->stream);
  read->fd = -1;

  /* Unordered input is read again whole, which finds any error again. */
  if (read->disorder)
    ok = FALSE;
  else if (read->error != NULL)
    {
      g_propagate_error (error, log_make_error (read, read->error));
      ok = FALSE;
    }
  else if (read->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read->io_error));
      ok = FALSE;
    }
  else
    ok = !g_cancellable_set_error_if_cancelled (read->cancellable, error);

  if (ok)
    {
      if (read->collect)
        log_count_collected (read, workers, open_sessions);
      else
        log_tracker_open_sessions (&read->tracker, open_sessions);
      for (guint i = 0; i < N_WORKERS; i++)
        {
          /* Nothing handed on yet: the first worker's store becomes it.
           * The other threads are done: the merges take two. */
          if (i == 0 && log_store_is_empty (store))
            log_store_swap (store, workers[i]->store);
          else
            log_store_merge_full (store, workers[i]->store, TRUE);
        }
      store->horizon_ms = MAX (store->horizon_ms, read->tracker.horizon);
      g_array_set_size (store->open_sessions, 0);
      g_array_append_vals (store->open_sessions, open_sessions->data, open_sessions->len);
    }

  for (guint i = 0; i < N_WORKERS; i++)
    worker_free (workers[i]);
  g_free (read->tracker.slots);
  g_free (read->tracker.spare);
  return ok;
}

static void
read_reset (Read *read)
{
  read->next_seq = 0;
  read->turn = 0;
  read->file = 0;
  read->stop = FALSE;
  read->disorder = FALSE;
  g_array_set_size (read->blocks, 0);
  g_array_set_size (read->first_lines, 0);
  g_array_set_size (read->all_events, 0);
  g_byte_array_set_size (read->carry, 0);
  g_clear_pointer (&read->error, log_read_error_free);
  g_clear_error (&read->io_error);
  memset (&read->tracker, 0, sizeof read->tracker);
}

gboolean
hub_log_store_add_files (HubLogStore          *store,
                         GFile               **files,
                         const char * const   *names,
                         guint                 n_files,
                         const HubLogOptions  *options,
                         HubProgress          *progress,
                         GCancellable         *cancellable,
                         GError              **error)
{
  return log_store_add_files_full (store, files, names, n_files, options, FALSE, progress,
                                   cancellable, error);
}

/* through_csv sends every CSV line through libcsv, for the tests and the
 * fuzzer to compare both paths. */
gboolean
log_store_add_files_full (HubLogStore          *store,
                          GFile               **files,
                          const char * const   *names,
                          guint                 n_files,
                          const HubLogOptions  *options,
                          gboolean              through_csv,
                          HubProgress          *progress,
                          GCancellable         *cancellable,
                          GError              **error)
{
  static const HubLogOptions defaults = { NULL, FALSE, FALSE };
  g_autoptr(HubLogStore) added = NULL;
  g_autoptr(GHashTable) team = NULL;
  Read read = { 0 };
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  g_return_val_if_fail (log_store_is_empty (store) || store->whole == options->whole_span, FALSE);
  if (options->team_ids != NULL)
    {
      team = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; options->team_ids[i] != NULL; i++)
        {
          gint64 *h = g_new (gint64, 1);

          *h = (gint64) hub_identity_hash (options->team_ids[i], strlen (options->team_ids[i]));
          g_hash_table_add (team, h);
        }
    }

  read.files = files;
  read.names = names;
  read.n_files = n_files;
  read.options = options;
  read.team = team;
  read.progress = progress;
  read.cancellable = cancellable;
  read.collect = options->single_pass;
  read.csv_only = through_csv;
  read.fd = -1;
  g_mutex_init (&read.lock);
  g_mutex_init (&read.turn_lock);
  g_mutex_init (&read.result_lock);
  g_cond_init (&read.turn_changed);
  read.blocks = g_array_new (FALSE, FALSE, sizeof (BlockInfo));
  read.first_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  read.all_events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  read.carry = g_byte_array_new ();
  read.role_ats = g_ptr_array_new_with_free_func (g_free);
  read.csv_pending = g_byte_array_new ();
  read.csv_pending_fields = g_array_new (FALSE, FALSE, sizeof (Field));

  /* Into a copy of the open sessions, so that a refused input leaves the
   * store as it was. */
  for (;;)
    {
      added = hub_log_store_new ();
      added->whole = options->whole_span;
      g_array_append_vals (added->open_sessions, store->open_sessions->data,
                           store->open_sessions->len);
      added->horizon_ms = store->horizon_ms;
      read_reset (&read);
      ok = read_all (&read, added, error);
      if (ok || !read.disorder || read.collect)
        break;
      /* Out of order: again, with every line's session key kept. */
      g_clear_pointer (&added, hub_log_store_free);
      read.collect = TRUE;
    }

  if (ok && options->team_ids != NULL)
    hub_log_store_set_team_ids (store, options->team_ids);
  if (ok && log_store_is_empty (store))
    log_store_swap (store, added);
  else if (ok)
    {
      log_store_merge (store, added);
      g_array_set_size (store->open_sessions, 0);
      g_array_append_vals (store->open_sessions, added->open_sessions->data,
                           added->open_sessions->len);
    }

  read_reset (&read);
  g_array_unref (read.blocks);
  g_array_unref (read.first_lines);
  g_array_unref (read.all_events);
  g_byte_array_unref (read.carry);
  g_ptr_array_unref (read.role_ats);
  g_byte_array_unref (read.csv_pending);
  g_array_unref (read.csv_pending_fields);
  g_mutex_clear (&read.lock);
  g_mutex_clear (&read.turn_lock);
  g_mutex_clear (&read.result_lock);
  g_cond_clear (&read.turn_changed);
  return ok;
}
