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
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hub-identity.h"

static const gint8 hex_value[256] = {
  ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
  ['7'] = 8, ['8'] = 9, ['9'] = 10,
  ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
  ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* Whether the 16 bytes at p are all hexadecimal digits. */
static inline gboolean
hex16 (const guint8 *p)
{
#ifdef __SSE2__
  __m128i v = _mm_loadu_si128 ((const __m128i *) p);
  __m128i lower = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
  /* Bytes from 0x80 on are negative here: below '0', so never digits. */
  __m128i digit = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('0' - 1)),
                                 _mm_cmpgt_epi8 (_mm_set1_epi8 ('9' + 1), v));
  __m128i letter = _mm_and_si128 (_mm_cmpgt_epi8 (lower, _mm_set1_epi8 ('a' - 1)),
                                  _mm_cmpgt_epi8 (_mm_set1_epi8 ('f' + 1), lower));

  return _mm_movemask_epi8 (_mm_or_si128 (digit, letter)) == 0xffff;
#else
  for (int i = 0; i < 16; i++)
    if (hex_value[p[i]] == 0)
      return FALSE;
  return TRUE;
#endif
}

guint64
hub_identity_hash (const char *id,
                   gsize       len)
{
  const guint8 *p = (const guint8 *) id;
  guint64 value = 0;
  gsize i;

  if (len >= 16 && hex16 (p))
    {
      for (i = 16; i + 16 <= len && hex16 (p + i); i += 16)
        ;
      while (i < len && hex_value[p[i]] != 0)
        i++;
      if (i == len)
        {
          for (i = 0; i < 16; i++)
            value = (value << 4) | (guint64) (hex_value[p[i]] - 1);
          return value;
        }
    }
  return XXH64 (id, len, HUB_IDENTITY_SEED);
}
