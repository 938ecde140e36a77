/* hub-loader.h: a download breakdown from a file, a stream or bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-parser.h"

G_BEGIN_DECLS

/* A file of at least 4 MiB is split at a line boundary and its halves parsed
 * on two threads. A path that is not a regular file (a pipe, /dev/stdin) is
 * read as a stream. With progress (a window waits on it), the reading
 * threads run at a lower priority than the process's others. */
HubDataset *hub_dataset_load_file   (const char    *path,
                                     const char    *source_name,
                                     HubProgress   *progress,
                                     GCancellable  *cancellable,
                                     GError       **error);
HubDataset *hub_dataset_load_stream (GInputStream  *stream,
                                     const char    *source_name,
                                     HubProgress   *progress,
                                     GCancellable  *cancellable,
                                     GError       **error);
HubDataset *hub_dataset_load_bytes  (GBytes        *bytes,
                                     const char    *source_name,
                                     GError       **error);

G_END_DECLS
