/* hub-identity.h: the 64-bit hash of a request log's user id or address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The seed of Spark's xxhash64(), so that an engine elsewhere computes the
 * same hashes. */
#define HUB_IDENTITY_SEED 42

guint64 hub_identity_hash (const char *id,
                           gsize       len);

G_END_DECLS
