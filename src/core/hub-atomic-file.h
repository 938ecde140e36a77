/* hub-atomic-file.h: a file that appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _HubAtomicFile HubAtomicFile;

/* A file being written for path: where the file system allows it, an
 * unnamed one (O_TMPFILE) that a killed process leaves nothing of;
 * elsewhere a named one beside path, `.NAME.hub-partial-XXXXXX`, locked
 * while it is written so that hub_atomic_file_remove_stale() can tell it is
 * owned. path keeps its old contents until hub_atomic_file_commit(). */
HubAtomicFile *hub_atomic_file_new          (const char     *path,
                                             int             mode,
                                             GError        **error);
GOutputStream *hub_atomic_file_get_stream   (HubAtomicFile  *file);
/* Flushes the file to disk and gives it path's name, replacing what was
 * there. Whatever happens, the file is finished with: free it next. */
gboolean       hub_atomic_file_commit       (HubAtomicFile  *file,
                                             GError        **error);
/* Discards the file unless it was committed. */
void           hub_atomic_file_free         (HubAtomicFile  *file);

/* g_file_set_contents() through an atomic file. */
gboolean       hub_atomic_file_set_contents (const char     *path,
                                             const void     *data,
                                             gsize           len,
                                             int             mode,
                                             GError        **error);

/* Removes from dir the named temporary files that no running process can
 * own: not locked, or older than a day. Returns how many were removed. */
guint          hub_atomic_file_remove_stale (const char     *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubAtomicFile, hub_atomic_file_free)

G_END_DECLS
