/* hub-loader.c: a breakdown from a file, a stream or bytes into a dataset;
 * a large file is split at a line boundary and parsed on two cores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-loader.h"
#include "hub-parser-private.h"

#define READ_CHUNK (256 * 1024)

/* What a read whose progress a window shows adds to its threads' nice value. */
#define BACKGROUND_NICE 10

HubDataset *
hub_dataset_load_bytes (GBytes      *bytes,
                        const char  *source_name,
                        GError     **error)
{
  g_autoptr(HubParser) parser = hub_parser_new (source_name, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!hub_parser_feed (parser, data ? data : "", len, error))
    return NULL;
  return hub_parser_finish (parser, error);
}

HubDataset *
hub_dataset_load_stream (GInputStream  *stream,
                         const char    *source_name,
                         HubProgress   *progress,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(HubParser) parser = hub_parser_new (source_name, progress);
  g_autofree char *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (!hub_parser_feed (parser, buffer, (gsize) n, error))
        return NULL;
    }
  return hub_parser_finish (parser, error);
}

/* Loading a file: on two cores when it is large, split at a line boundary. */

typedef struct
{
  int           fd;
  goffset       start;
  goffset       end;
  HubParser    *parser;
  GCancellable *cancellable;
  atomic_bool  *stop;
  int           read_errno;
} Part;

static gboolean
read_part (Part *part)
{
  g_autofree char *buffer = g_malloc (READ_CHUNK);
  goffset at = part->start;

  while (at < part->end)
    {
      gsize want = (gsize) MIN ((goffset) READ_CHUNK, part->end - at);
      gssize n;

      if (g_cancellable_is_cancelled (part->cancellable) ||
          (part->stop && atomic_load (part->stop)))
        return FALSE;

      n = pread (part->fd, buffer, want, at);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          part->read_errno = errno;
          return FALSE;
        }
      if (n == 0)
        break;
      if (!hub_parser_push (part->parser, buffer, (gsize) n))
        return FALSE;
      at += n;
    }
  return TRUE;
}

static gpointer
read_part_thread (gpointer data)
{
  Part *part = data;

  if (read_part (part))
    hub_parser_end (part->parser);
  return NULL;
}

/* The offset just past the first newline at or after from, or -1. */
static goffset
next_line_start (int     fd,
                 goffset from,
                 goffset size)
{
  char buffer[4096];

  while (from < size)
    {
      gssize n = pread (fd, buffer, sizeof buffer, from);
      const char *nl;

      if (n <= 0)
        return -1;
      nl = memchr (buffer, '\n', (gsize) n);
      if (nl != NULL)
        return from + (nl - buffer) + 1;
      from += n;
    }
  return -1;
}

static GError *
read_error (const char *source_name,
            int         errsv)
{
  return g_error_new (G_FILE_ERROR, g_file_error_from_errno (errsv),
                      _("Could not read %s: %s"), source_name, g_strerror (errsv));
}

HubDataset *
hub_dataset_load_file_split (const char    *path,
                             const char    *source_name,
                             goffset        split_min_size,
                             HubProgress   *progress,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(HubParser) first = NULL;
  g_autoptr(HubParser) second = NULL;
  atomic_bool stop = FALSE;
  Part head = { 0 }, tail = { 0 };
  GThread *thread = NULL;
  GStatBuf st;
  goffset header_end, split = -1;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (source_name == NULL)
    source_name = path;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_propagate_error (error, read_error (source_name, errsv));
      return NULL;
    }

  /* A pipe or a terminal (`<(curl …)`, /dev/stdin) cannot be read at offsets. */
  if (!S_ISREG (st.st_mode))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (fd, TRUE);
      g_autoptr(GError) local_error = NULL;
      HubDataset *dataset;

      if (progress)
        progress->total_bytes = 0;
      dataset = hub_dataset_load_stream (in, source_name, progress, cancellable, &local_error);
      if (local_error != NULL && local_error->domain != HUB_PARSE_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read %s: %s"), source_name, local_error->message);
          return NULL;
        }
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return dataset;
    }

  if (progress)
    progress->total_bytes = (guint64) st.st_size;

  first = hub_parser_new (source_name, progress);
  head = (Part) { fd, 0, st.st_size, first, cancellable, NULL, 0 };

  /* The header is read alone, so the second part can start with the columns known. */
  if (st.st_size >= split_min_size && (header_end = next_line_start (fd, 0, st.st_size)) > 0)
    {
      head.end = header_end;
      if (read_part (&head) && hub_parser_at_record_start (first))
        split = next_line_start (fd, MAX (header_end, st.st_size / 2), st.st_size);
      head.start = header_end;
      head.end = st.st_size;
    }

  if (split > 0 && split < st.st_size)
    {
      second = hub_parser_new_continuation (first);
      tail = (Part) { fd, split, st.st_size, second, cancellable, &stop, 0 };
      thread = g_thread_new ("hub-parse", read_part_thread, &tail);
      head.end = split;
    }

  if (!hub_parser_failed (first) && read_part (&head) && thread != NULL &&
      !hub_parser_at_record_start (first))
    {
      /* The split fell inside a quoted field: read the rest here instead,
       * and take back the progress the second part reported. */
      atomic_store (&stop, TRUE);
      g_thread_join (g_steal_pointer (&thread));
      hub_parser_withdraw_progress (second);
      g_clear_pointer (&second, hub_parser_free);
      tail.read_errno = 0;
      head.start = split;
      head.end = st.st_size;
      read_part (&head);
    }
  if (thread != NULL)
    {
      if (hub_parser_failed (first) || head.read_errno != 0)
        atomic_store (&stop, TRUE);
      g_thread_join (thread);
    }
  close (fd);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (head.read_errno != 0 || tail.read_errno != 0)
    {
      g_propagate_error (error, read_error (source_name,
                                            head.read_errno ? head.read_errno : tail.read_errno));
      return NULL;
    }
  if (hub_parser_failed (first))
    {
      g_propagate_error (error, hub_parser_get_error (first, 0));
      return NULL;
    }
  if (second != NULL)
    {
      /* The first part ended on a record boundary, where the second began:
       * its lines continue the first part's count. */
      if (hub_parser_failed (second))
        {
          g_propagate_error (error, hub_parser_get_error (second, hub_parser_get_line (first) - 1));
          return NULL;
        }
      hub_parser_absorb (first, second);
    }
  return hub_parser_finish (first, error);
}

typedef struct
{
  const char   *path;
  const char   *source_name;
  HubProgress  *progress;
  GCancellable *cancellable;
  HubDataset   *dataset;
  GError       *error;
} BackgroundLoad;

static gpointer
background_load_thread (gpointer data)
{
  BackgroundLoad *load = data;

  /* Linux keeps a nice value per thread (who 0: this thread), and the
   * thread that reads the second part inherits it. Lowering it needs no
   * privilege; raising it again would, hence a thread of its own. */
  if (setpriority (PRIO_PROCESS, 0, getpriority (PRIO_PROCESS, 0) + BACKGROUND_NICE) != 0)
    g_debug ("Reading at the window's priority: %s", g_strerror (errno));
  load->dataset = hub_dataset_load_file_split (load->path, load->source_name,
                                               HUB_PARSER_SPLIT_MIN_SIZE, load->progress,
                                               load->cancellable, &load->error);
  return NULL;
}

HubDataset *
hub_dataset_load_file (const char    *path,
                       const char    *source_name,
                       HubProgress   *progress,
                       GCancellable  *cancellable,
                       GError       **error)
{
  BackgroundLoad load = { path, source_name, progress, cancellable, NULL, NULL };

  if (progress == NULL)
    return hub_dataset_load_file_split (path, source_name, HUB_PARSER_SPLIT_MIN_SIZE,
                                        progress, cancellable, error);

  /* A load that shows its progress is one a window waits on: its threads
   * yield to the window's, so that its frames come first whatever the
   * file's size, on one core too. */
  g_thread_join (g_thread_new ("hub-read", background_load_thread, &load));
  if (load.error != NULL)
    g_propagate_error (error, load.error);
  return load.dataset;
}
