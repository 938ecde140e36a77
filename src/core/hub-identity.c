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

#ifdef __SSE2__
/* Which bytes of v are hexadecimal digits, as 0xff. Each range is one
 * signed comparison: adding 0x80 - '0' puts '0' … '9' at -128 … -119, and
 * adding 0x80 - 'a' to a byte with 0x20 set puts 'a' … 'f' at -128 … -123. */
static inline __m128i
hex_bytes (__m128i v)
{
  __m128i digit = _mm_cmpgt_epi8 (_mm_set1_epi8 (-118),
                                  _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - '0'))));
  __m128i letter = _mm_cmpgt_epi8 (_mm_set1_epi8 (-122),
                                   _mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)),
                                                 _mm_set1_epi8 ((char) (0x80 - 'a'))));

  return _mm_or_si128 (digit, letter);
}
#endif

/* Whether the len bytes at p are all hexadecimal digits. */
static inline gboolean
all_hex (const guint8 *p,
         gsize         len)
{
  gboolean hex = TRUE;
  gsize i = 0;

#ifdef __SSE2__
  /* Every whole 16 bytes at once: ids are mostly digests. */
  __m128i all = _mm_set1_epi8 (-1);

  for (; i + 16 <= len; i += 16)
    all = _mm_and_si128 (all, hex_bytes (_mm_loadu_si128 ((const __m128i *) (p + i))));
  hex = _mm_movemask_epi8 (all) == 0xffff;
#endif
  for (; hex && i < len; i++)
    hex = hex_value[p[i]] != 0;
  return hex;
}

/* The 16 hexadecimal digits at p, all_hex() checked, as a big-endian number. */
static inline guint64
hex16_value (const guint8 *p)
{
#ifdef __SSE2__
  __m128i v = _mm_loadu_si128 ((const __m128i *) p);
  __m128i lower = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
  __m128i is_letter = _mm_cmpgt_epi8 (lower, _mm_set1_epi8 ('9'));
  /* A digit's value is v - '0'; a letter's, (v | 0x20) - 'a' + 10. */
  __m128i nibble = _mm_sub_epi8 (_mm_or_si128 (_mm_andnot_si128 (is_letter, v),
                                               _mm_and_si128 (is_letter, lower)),
                                 _mm_or_si128 (_mm_andnot_si128 (is_letter, _mm_set1_epi8 ('0')),
                                               _mm_and_si128 (is_letter, _mm_set1_epi8 ('a' - 10))));
  /* Each pair of digits (the first in the low byte of a 16-bit lane) to a byte. */
  __m128i pairs = _mm_or_si128 (_mm_slli_epi16 (_mm_and_si128 (nibble, _mm_set1_epi16 (0x00ff)), 4),
                                _mm_srli_epi16 (nibble, 8));
  guint64 bytes = (guint64) _mm_cvtsi128_si64 (_mm_packus_epi16 (pairs, pairs));

  return GUINT64_FROM_BE (bytes);
#else
  guint64 value = 0;

  for (int i = 0; i < 16; i++)
    value = (value << 4) | (guint64) (hex_value[p[i]] - 1);
  return value;
#endif
}

guint64
hub_identity_hash (const char *id,
                   gsize       len)
{
  const guint8 *p = (const guint8 *) id;

  if (len >= 16 && all_hex (p, len))
    return hex16_value (p);
  return XXH64 (id, len, HUB_IDENTITY_SEED);
}
