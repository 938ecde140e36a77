/* hub-atomic-file-private.h: the named fallback, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-atomic-file.h"

G_BEGIN_DECLS

#define HUB_ATOMIC_FILE_MARK ".hub-partial-"

/* hub_atomic_file_new() that may be told not to try O_TMPFILE, as on a file
 * system without it. */
HubAtomicFile *hub_atomic_file_new_full (const char  *path,
                                         int          mode,
                                         gboolean     unnamed,
                                         GError     **error);
/* The named temporary file, or NULL when it is unnamed. */
const char    *hub_atomic_file_get_temporary_path (HubAtomicFile *file);

G_END_DECLS
