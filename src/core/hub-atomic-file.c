/* hub-atomic-file.c: a file that appears whole or not at all
 *
 * The file is written unnamed (O_TMPFILE) and given its name by linkat()
 * once complete, so that a process killed while writing leaves nothing
 * behind. Where the file system has no O_TMPFILE, it is written under a
 * recognisable name beside its destination and renamed; it stays locked
 * (flock) while its writer lives, so that a later start-up can remove what
 * a killed writer left, and never what a running one is writing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* O_TMPFILE */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hub-atomic-file-private.h"

#define MAX_TRIES     100
#define STALE_SECONDS (24 * 60 * 60)

struct _HubAtomicFile
{
  char          *path;
  char          *tmp_path;  /* the named fallback, or NULL */
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

static GError *
write_error (const char *path,
             int         errsv)
{
  return g_error_new (G_IO_ERROR, g_io_error_from_errno (errsv),
                      _("Could not write %s: %s"), path, g_strerror (errsv));
}

/* `DIR/.NAME.hub-partial-` followed by six characters. */
static char *
temporary_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, HUB_ATOMIC_FILE_MARK, "XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
same_file (int         fd,
           const char *path)
{
  struct stat a, b;

  return fstat (fd, &a) == 0 && lstat (path, &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

/* A named temporary file, locked. A start-up may remove the file between
 * its creation and the lock: then another one is made. */
static int
open_named (const char  *path,
            int          mode,
            char       **tmp_path,
            GError     **error)
{
  for (guint i = 0; i < MAX_TRIES; i++)
    {
      g_autofree char *name = temporary_template (path);
      int fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, mode);

      if (fd < 0)
        {
          g_propagate_error (error, write_error (path, errno));
          return -1;
        }
      /* The document portal, through which a sandboxed app writes where
       * the user chose, has no locks; nothing removes files there, either. */
      if ((flock (fd, LOCK_EX) == 0 || errno == ENOSYS || errno == EOPNOTSUPP) &&
          same_file (fd, name))
        {
          *tmp_path = g_steal_pointer (&name);
          return fd;
        }
      close (fd);
    }
  g_propagate_error (error, write_error (path, EEXIST));
  return -1;
}

HubAtomicFile *
hub_atomic_file_new_full (const char  *path,
                          int          mode,
                          gboolean     unnamed,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  HubAtomicFile *file;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (unnamed)
    fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
  /* The lock is for the moment the file has a temporary name (see commit). */
  if (fd >= 0)
    flock (fd, LOCK_EX);
  else
    fd = open_named (path, mode, &tmp_path, error);
  if (fd < 0)
    return NULL;

  file = g_new0 (HubAtomicFile, 1);
  file->path = g_strdup (path);
  file->tmp_path = g_steal_pointer (&tmp_path);
  file->fd = fd;
  file->stream = g_unix_output_stream_new (fd, FALSE);
  return file;
}

HubAtomicFile *
hub_atomic_file_new (const char  *path,
                     int          mode,
                     GError     **error)
{
  return hub_atomic_file_new_full (path, mode, TRUE, error);
}

GOutputStream *
hub_atomic_file_get_stream (HubAtomicFile *file)
{
  return file->stream;
}

const char *
hub_atomic_file_get_temporary_path (HubAtomicFile *file)
{
  return file->tmp_path;
}

/* linkat() cannot replace a file: an existing destination is replaced by a
 * rename from a temporary name, which the lock guards until then. */
static int
link_unnamed (HubAtomicFile *file)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", file->fd);

  if (linkat (AT_FDCWD, proc, AT_FDCWD, file->path, AT_SYMLINK_FOLLOW) == 0)
    return 0;
  if (errno != EEXIST)
    return errno;

  for (guint i = 0; i < MAX_TRIES; i++)
    {
      g_autofree char *name = temporary_template (file->path);
      char *x = name + strlen (name) - 6;

      for (guint j = 0; j < 6; j++)
        x[j] = "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)];
      if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) != 0)
        {
          if (errno == EEXIST)
            continue;
          return errno;
        }
      if (rename (name, file->path) != 0)
        {
          int errsv = errno;

          g_unlink (name);
          return errsv;
        }
      return 0;
    }
  return EEXIST;
}

gboolean
hub_atomic_file_commit (HubAtomicFile  *file,
                        GError        **error)
{
  int errsv = 0;

  g_return_val_if_fail (file != NULL && !file->committed, FALSE);

  if (fsync (file->fd) != 0)
    errsv = errno;
  else if (file->tmp_path == NULL)
    errsv = link_unnamed (file);
  else if (rename (file->tmp_path, file->path) != 0)
    errsv = errno;

  if (errsv != 0)
    {
      g_propagate_error (error, write_error (file->path, errsv));
      return FALSE;
    }
  file->committed = TRUE;
  return TRUE;
}

void
hub_atomic_file_free (HubAtomicFile *file)
{
  if (file == NULL)
    return;
  if (!file->committed && file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_object (&file->stream);
  close (file->fd);
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
}

gboolean
hub_atomic_file_set_contents (const char  *path,
                              const void  *data,
                              gsize        len,
                              int          mode,
                              GError     **error)
{
  g_autoptr(HubAtomicFile) file = hub_atomic_file_new (path, mode, error);
  g_autoptr(GError) local_error = NULL;

  if (file == NULL)
    return FALSE;
  if (!g_output_stream_write_all (file->stream, data, len, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return hub_atomic_file_commit (file, error);
}

static gboolean
is_temporary_name (const char *name)
{
  const char *mark = strstr (name, HUB_ATOMIC_FILE_MARK);

  return name[0] == '.' && mark != NULL && strlen (mark + strlen (HUB_ATOMIC_FILE_MARK)) == 6;
}

guint
hub_atomic_file_remove_stale (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temporary_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          (time (NULL) - st.st_mtime > STALE_SECONDS || flock (fd, LOCK_EX | LOCK_NB) == 0) &&
          g_unlink (path) == 0)
        removed++;
      close (fd);
    }
  return removed;
}
