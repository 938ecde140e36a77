/* hub-identity.c: the 64-bit hash of a request log's user id or address
 *
 * The Hub's ids are already digests: an id of at least 16 hexadecimal digits
 * hashes to its first 16 digits read as a big-endian number, which SQL
 * engines without XXH64 can compute too. Anything else goes through XXH64
 * with seed 42, Spark's xxhash64().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <xxhash.h>

#include "hub-identity.h"

static const gint8 hex_value[256] = {
  ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
  ['7'] = 8, ['8'] = 9, ['9'] = 10,
  ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
  ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

guint64
hub_identity_hash (const char *id,
                   gsize       len)
{
  const guint8 *p = (const guint8 *) id;
  guint64 value = 0;
  gsize i;

  if (len >= 16)
    {
      for (i = 0; i < len; i++)
        {
          gint8 d = hex_value[p[i]];

          if (d == 0)
            break;
          if (i < 16)
            value = (value << 4) | (guint64) (d - 1);
        }
      if (i == len)
        return value;
    }
  return XXH64 (id, len, HUB_IDENTITY_SEED);
}
