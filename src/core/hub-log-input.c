/* hub-log-input.c: the request logs' input: files opened, gzip told by
 * its content, the format and header found, blocks of whole lines handed out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-log-reader-private.h"

static LogBlockHook block_hook;
static gpointer block_hook_data;

void
log_set_block_hook (LogBlockHook hook,
                    gpointer     data)
{
  block_hook = hook;
  block_hook_data = data;
}

/* Reading, under the lock */

void
log_set_io_error (Read       *read,
                  GError     *error)
{
  if (read->io_error == NULL && read->error == NULL)
    read->io_error = error;
  else
    g_error_free (error);
  read->stop = TRUE;
}

/* An error of the file being read, in words for its user; a cancelled read
 * stays what it is. */
static GError *
read_failure (Read   *read,
              GError *error)
{
  const char *name = read->names[read->file];
  GError *failure;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  if (g_error_matches (error, HUB_LOG_ERROR, HUB_LOG_ERROR_CHANGED))
    failure = g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_CHANGED,
                           _("%s changed while it was read: it is now shorter than when it was "
                             "opened. Open it again once the program writing it is done."), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    failure = g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                           _("%s is cut short: the compressed file ends before its data does "
                             "(was its download interrupted?)"), name);
  else
    failure = g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                           _("%s could not be read: %s"), name, error->message);
  g_error_free (error);
  return failure;
}

static gboolean
open_next (Read *read)
{
  g_autoptr(GInputStream) base = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *head;
  gsize avail = 0;

  base = G_INPUT_STREAM (g_file_read (read->files[read->file], read->cancellable, &error));
  if (base == NULL)
    {
      log_set_io_error (read, read_failure (read, g_steal_pointer (&error)));
      return FALSE;
    }
  buffered = g_buffered_input_stream_new_sized (base, 65536);
  while (avail < 2)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2 - (gssize) avail,
                                               read->cancellable, &error);

      if (n < 0)
        {
          log_set_io_error (read, read_failure (read, g_steal_pointer (&error)));
          return FALSE;
        }
      head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);
      if (n == 0)
        break;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);

  /* Compressed or not is told by the content, not by the name. */
  if (avail >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      read->stream = g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));
    }
  else
    {
      struct stat st;

      /* A plain file is read at offsets, up to the size it had when opened:
       * into buffers, never mapped, so that a file another program cuts
       * shorter meanwhile is an error, not a fault. */
      if (G_IS_FILE_DESCRIPTOR_BASED (base)
          && fstat (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (base)), &st) == 0
          && S_ISREG (st.st_mode))
        {
          read->fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (base));
          read->size = st.st_size;
        }
      read->stream = g_steal_pointer (&buffered);
    }

  read->offset = 0;
  read->eof = FALSE;
  read->read_size = 65536;
  read->header_done = FALSE;
  read->through_csv = FALSE;
  read->old_format = FALSE;
  read->aggregate = FALSE;
  g_byte_array_set_size (read->carry, 0);
  return TRUE;
}

void
log_close_current (Read *read)
{
  g_clear_object (&read->stream);
  read->fd = -1;
  if (read->csv_ready)
    {
      csv_free (&read->csv);
      read->csv_ready = FALSE;
    }
  read->file++;
}

static void
header_field (void   *data,
              size_t  len,
              void   *user_data)
{
  GPtrArray *names = user_data;

  g_ptr_array_add (names, g_strndup (data ? data : "", len));
}

/* The header: which column is where. FALSE with the error kept. */
static gboolean
read_header (Read       *read,
             const char *p,
             gsize       len,
             guint64     line)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct csv_parser csv;
  gboolean any = FALSE;
  guint needed = 0;

  csv_init (&csv, 0);
  csv_parse (&csv, p, len, header_field, NULL, names);
  csv_fini (&csv, header_field, NULL, names);
  csv_free (&csv);

  for (int c = 0; c < N_COLS; c++)
    read->columns[c] = -1;
  for (guint i = 0; i < names->len; i++)
    for (int c = 0; c < N_COLS; c++)
      if (read->columns[c] < 0 && strcmp (names->pdata[i], log_column_names[c]) == 0)
        {
          read->columns[c] = (int) i;
          needed = MAX (needed, i + 1);
          any = TRUE;
        }
  read->n_needed = needed;
  read->role_at = g_new (gint8, needed + 1);
  g_ptr_array_add (read->role_ats, read->role_at);
  memset (read->role_at, -1, needed + 1);
  for (int c = 0; c < N_COLS; c++)
    if (read->columns[c] >= 0)
      read->role_at[read->columns[c]] = (gint8) c;

  if (!any)
    {
      ReadError *e = log_new_error (read->next_seq, read->file, (gint64) line,
                                    HUB_LOG_ERROR_NOT_LOGS, -1, p, len);

      e->absolute = TRUE;
      log_keep_error (read, e);
      return FALSE;
    }

  read->old_format = read->columns[COL_STATUS] < 0 && read->columns[COL_REQUEST_TYPE] >= 0;
  read->aggregate = read->columns[COL_TIMESTAMP] < 0 && read->columns[COL_DAY] >= 0;
  {
    const Column logs[] = { COL_TIMESTAMP, COL_REPO_TYPE, COL_REPO_NAME,
                            read->old_format ? COL_REQUEST_TYPE : COL_STATUS,
                            read->old_format ? COL_REQUEST_TYPE : COL_METHOD };
    const Column aggregate[] = { COL_DAY, COL_REPO_TYPE, COL_REPO_NAME, COL_COUNTRY, COL_METHOD,
                                 COL_STATUS, COL_REQUESTS, COL_SESSIONS, COL_USERS,
                                 COL_ANONYMOUS };
    const Column *required = read->aggregate ? aggregate : logs;
    guint n_required = read->aggregate ? G_N_ELEMENTS (aggregate) : G_N_ELEMENTS (logs);

    for (guint i = 0; i < n_required; i++)
      if (read->columns[required[i]] < 0)
        {
          ReadError *e = log_new_error (read->next_seq, read->file, (gint64) line,
                                        HUB_LOG_ERROR_MISSING_COLUMN, (int) required[i], NULL, 0);

          e->absolute = TRUE;
          log_keep_error (read, e);
          return FALSE;
        }
  }
  return TRUE;
}

/* Finds the format and the header at the start of the file in data, and
 * drops what it used; FALSE when more data is needed or on error. */
static gboolean
start_file (Read       *read,
            GByteArray *data)
{
  const char *p = (const char *) data->data;
  const char *end = p + data->len;
  guint64 line = 1;
  gsize skip = 0;

  if (data->len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  /* Blank lines before the header are lines too. */
  for (;;)
    {
      const char *q = p;

      while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
      if (q < end && *q == '\n')
        {
          p = q + 1;
          line++;
          continue;
        }
      break;
    }
  {
    const char *q = p;

    while (q < end && g_ascii_isspace (*q))
      q++;
    if (q == end)
      {
        if (!read->eof)
          return FALSE;
        {
          ReadError *e = log_new_error (read->next_seq, read->file, 1, HUB_LOG_ERROR_EMPTY, -1, NULL, 0);

          e->absolute = TRUE;
          log_keep_error (read, e);
        }
        return FALSE;
      }
    if (*q == '{')
      {
        read->is_json = TRUE;
        read->header_done = TRUE;
        g_array_append_val (read->first_lines, line);
        skip = (gsize) (p - (const char *) data->data);
        g_byte_array_remove_range (data, 0, (guint) skip);
        return TRUE;
      }
  }

  {
    const char *nl = memchr (p, '\n', (gsize) (end - p));
    const char *header_end = nl ? nl : end;

    if (nl == NULL && !read->eof)
      return FALSE;
    read->is_json = FALSE;
    if (header_end > p && header_end[-1] == '\r')
      header_end--;
    if (!read_header (read, p, (gsize) (header_end - p), line))
      return FALSE;
    line++;
    read->header_done = TRUE;
    g_array_append_val (read->first_lines, line);
    skip = nl ? (gsize) (nl + 1 - (const char *) data->data) : data->len;
    g_byte_array_remove_range (data, 0, (guint) skip);
  }
  return TRUE;
}

/* Hands the worker its next block, or FALSE when there is none; lock held. */
/* w takes the next block, of the file being read. */
static void
begin_block (Read   *read,
             Worker *w)
{
  w->seq = read->next_seq;
  w->file = read->file;
  w->is_json = read->is_json;
  w->old_format = read->old_format;
  w->aggregate = read->aggregate;
  memcpy (w->columns, read->columns, sizeof w->columns);
  w->n_needed = read->n_needed;
  w->role_at = read->role_at;
  w->lines = 0;
}

static void
end_block (Read   *read,
           Worker *w)
{
  BlockInfo info = { read->file, w->lines };

  g_array_append_val (read->blocks, info);
  read->next_seq++;
  if (read->helper_thread == NULL && !read->eof)
    read->helper_thread = g_thread_new ("hub-log-reader", log_work, read->helper);
  read->read_size = MIN (read->read_size * 2, BLOCK_SIZE);
  if (read->eof)
    log_close_current (read);
}

/* Reads the file's next bytes: at the offset for a plain file. */
static gboolean
read_at (Read    *read,
         guint8  *data,
         gsize    size,
         gsize   *got,
         GError **error)
{
  if (read->fd < 0)
    return g_input_stream_read_all (read->stream, data, size, got, read->cancellable, error);

  *got = 0;
  size = (gsize) MIN ((goffset) size, MAX (read->size - read->offset, 0));
  while (*got < size)
    {
      gssize n = pread (read->fd, data + *got, size - *got, read->offset + (goffset) *got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          g_set_error_literal (error, HUB_LOG_ERROR, HUB_LOG_ERROR_CHANGED, "");
          return FALSE;
        }
      *got += (gsize) n;
    }
  read->offset += (goffset) *got;
  return TRUE;
}

gboolean
log_next_block (Read   *read,
                Worker *w)
{
  for (;;)
    {
      GByteArray *buf = w->buffer;
      g_autoptr(GError) error = NULL;
      gsize got = 0;

      if (read->stop || g_cancellable_is_cancelled (read->cancellable))
        return FALSE;
      if (read->stream == NULL)
        {
          if (read->file >= read->n_files || !open_next (read))
            return FALSE;
        }

      g_byte_array_set_size (buf, 0);
      g_byte_array_append (buf, read->carry->data, read->carry->len);
      g_byte_array_set_size (read->carry, 0);
      if (!read->eof)
        {
          guint before = buf->len;

          g_byte_array_set_size (buf, before + read->read_size);
          if (!read_at (read, buf->data + before, read->read_size, &got, &error))
            {
              log_set_io_error (read, read_failure (read, g_steal_pointer (&error)));
              return FALSE;
            }
          g_byte_array_set_size (buf, before + (guint) got);
          if (got < read->read_size)
            read->eof = TRUE;
          if (block_hook != NULL && read->fd >= 0)
            block_hook (read->files[read->file], read->offset, block_hook_data);
          if (read->progress)
            atomic_fetch_add (&read->progress->bytes, got);
        }

      if (!read->header_done)
        {
          if (!start_file (read, buf))
            {
              if (read->stop)
                return FALSE;
              /* More is needed for the header. */
              if (buf->len > BLOCK_SIZE)
                {
                  ReadError *e = log_new_error (read->next_seq, read->file, 1,
                                                HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0);

                  e->absolute = TRUE;
                  log_keep_error (read, e);
                  return FALSE;
                }
              g_byte_array_append (read->carry, buf->data, buf->len);
              continue;
            }
        }

      if (!read->is_json && !read->through_csv
          && (read->csv_only || memchr (buf->data, '"', buf->len) != NULL))
        {
          log_libcsv_start (read);
        }

      begin_block (read, w);

      if (read->through_csv)
        {
          if (!log_libcsv_block (read, w, buf))
            return FALSE;
        }
      else
        {
          w->has_records = FALSE;
          if (!read->eof)
            {
              guint8 *nl = buf->data + buf->len;

              while (nl > buf->data && nl[-1] != '\n')
                nl--;
              nl = nl > buf->data ? nl - 1 : NULL;
              if (nl == NULL)
                {
                  if (buf->len > BLOCK_SIZE)
                    {
                      log_keep_error (read, log_new_error (read->next_seq, read->file, 0,
                                                           HUB_LOG_ERROR_FIELD_TOO_LONG, -1, NULL, 0));
                      return FALSE;
                    }
                  g_byte_array_append (read->carry, buf->data, buf->len);
                  continue;
                }
              g_byte_array_append (read->carry, nl + 1, (guint) (buf->data + buf->len - nl - 1));
              g_byte_array_set_size (buf, (guint) (nl + 1 - buf->data));
            }
        }

      end_block (read, w);
      return TRUE;
    }
}
