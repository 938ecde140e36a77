/* hub-log-libcsv.c: CSV with quotation marks, through libcsv, in order
 * under the reading lock; its records handed to a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-log-reader-private.h"

static void
csv_field (void   *data,
           size_t  len,
           void   *user_data)
{
  Read *read = user_data;
  Field at = { GSIZE_TO_POINTER ((gsize) read->csv_pending->len), len };
  const char *s = data ? data : "";

  /* A record may end in a later block than its first fields: they wait
   * here until it does. */
  for (size_t i = 0; i < len; i++)
    if (s[i] == '\n')
      read->csv_embedded++;
  g_byte_array_append (read->csv_pending, (const guint8 *) s, (guint) len);
  g_array_append_val (read->csv_pending_fields, at);
  read->csv_n_fields++;
}

static void
csv_record (int   term,
            void *user_data)
{
  Read *read = user_data;
  Worker *w = read->csv_worker;
  guint n = read->csv_n_fields;

  read->csv_n_fields = 0;
  /* CSV_REPALL_NL reports the LF of a CRLF as an empty record of its own. */
  if (n == 0 && term == '\n' && read->csv_last_term == '\r')
    {
      read->csv_last_term = term;
      return;
    }
  read->csv_last_term = term;
  if (n > 0)
    {
      Record rec = { w->record_fields->len, n, read->csv_lines };
      gsize base = w->record_data->len;

      for (guint i = 0; i < n; i++)
        {
          Field at = g_array_index (read->csv_pending_fields, Field, i);

          at.p = GSIZE_TO_POINTER (GPOINTER_TO_SIZE (at.p) + base);
          g_array_append_val (w->record_fields, at);
        }
      g_byte_array_append (w->record_data, read->csv_pending->data, read->csv_pending->len);
      g_array_append_val (w->records, rec);
    }
  g_byte_array_set_size (read->csv_pending, 0);
  g_array_set_size (read->csv_pending_fields, 0);
  read->csv_lines += 1 + read->csv_embedded;
  read->csv_embedded = 0;
}

void
log_libcsv_start (Read *read)
{
  read->through_csv = TRUE;
  csv_init (&read->csv, CSV_REPALL_NL);
  read->csv_ready = TRUE;
  read->csv_lines = 0;
  read->csv_embedded = 0;
  read->csv_n_fields = 0;
  read->csv_last_term = 0;
  g_byte_array_set_size (read->csv_pending, 0);
  g_array_set_size (read->csv_pending_fields, 0);
}

/* Parses buf, the file's next bytes, into w's records; FALSE with the error
 * kept. Lock held. */
gboolean
log_libcsv_block (Read       *read,
                  Worker     *w,
                  GByteArray *buf)
{
  guint64 start = read->csv_lines;

  w->has_records = TRUE;
  g_byte_array_set_size (w->record_data, 0);
  g_array_set_size (w->record_fields, 0);
  g_array_set_size (w->records, 0);
  read->csv_worker = w;
  if (csv_parse (&read->csv, buf->data, buf->len, csv_field, csv_record, read) != buf->len)
    {
      log_set_io_error (read, g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                                           _("%s could not be read: %s"), read->names[read->file],
                                           csv_strerror (csv_error (&read->csv))));
      return FALSE;
    }
  if (read->eof)
    csv_fini (&read->csv, csv_field, csv_record, read);
  else if (read->csv.entry_pos > BLOCK_SIZE)
    {
      log_keep_error (read, log_new_error (read->next_seq, read->file, (gint64) read->csv_lines,
                                           HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0));
      return FALSE;
    }
  /* Record lines count from the first record ending in this block. */
  for (guint r = 0; r < w->records->len; r++)
    g_array_index (w->records, Record, r).line -= start;
  w->lines = read->csv_lines - start;
  return TRUE;
}

void
log_handle_records (Worker *w)
{
  for (guint r = 0; r < w->records->len; r++)
    {
      Record *rec = &g_array_index (w->records, Record, r);
      Field fields[N_COLS];
      guint n = rec->n_fields;

      if (n < w->n_needed)
        {
          log_short_row (w, n, rec->line);
          return;
        }
      for (int c = 0; c < N_COLS; c++)
        {
          fields[c].p = "";
          fields[c].len = 0;
          if (w->columns[c] >= 0)
            {
              Field *at = &g_array_index (w->record_fields, Field,
                                          rec->first_field + (guint) w->columns[c]);

              fields[c].p = (const char *) w->record_data->data + GPOINTER_TO_SIZE (at->p);
              fields[c].len = at->len;
            }
        }
      if (!log_handle_fields (w, fields, w->old_format, rec->line))
        return;
    }
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, w->records->len);
}
