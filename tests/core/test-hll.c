/* test-hll.c: the sketches behind unique downloaders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-core.h"

/* splitmix64: a bijection of the counter, so n steps give n distinct hashes. */
static guint64
next_hash (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Exact while the hashes take less room than the registers, duplicates
 * included, and the hash 0 (an empty slot inside) counted as any other. */
static void
test_sparse_exact (void)
{
  g_autoptr(HubHll) hll = hub_hll_new ();
  guint64 state = 7;

  g_assert_cmpuint (hub_hll_estimate (hll), ==, 0);
  hub_hll_add (hll, 0);
  hub_hll_add (hll, 0);
  g_assert_cmpuint (hub_hll_estimate (hll), ==, 1);
  for (guint i = 1; i < HUB_HLL_SPARSE_MAX; i++)
    {
      guint64 h = next_hash (&state);

      hub_hll_add (hll, h);
      hub_hll_add (hll, h);
    }
  g_assert_true (hub_hll_is_sparse (hll));
  g_assert_cmpuint (hub_hll_estimate (hll), ==, HUB_HLL_SPARSE_MAX);

  hub_hll_add (hll, next_hash (&state));
  g_assert_false (hub_hll_is_sparse (hll));
}

typedef struct
{
  guint64 n;
  guint64 seed;
} AccuracyCase;

/* Within 2 % of the exact count at 1,000, 100,000 and 10 million distinct
 * ids (about 0.8 % standard error at precision 14), for fixed seeds. */
static void
test_accuracy (void)
{
  const AccuracyCase cases[] = {
    { 1000, 1 }, { 1000, 2 },
    { 100000, 1 }, { 100000, 2 }, { 100000, 3 },
    { 10000000, 1 }, { 10000000, 2 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(HubHll) hll = hub_hll_new ();
      guint64 state = cases[c].seed;
      guint64 estimate;
      double error;

      for (guint64 i = 0; i < cases[c].n; i++)
        hub_hll_add (hll, next_hash (&state));
      estimate = hub_hll_estimate (hll);
      error = ((double) estimate - (double) cases[c].n) / (double) cases[c].n;
      g_test_message ("%" G_GUINT64_FORMAT " distinct ids, seed %" G_GUINT64_FORMAT
                      ": estimate %" G_GUINT64_FORMAT " (%+.3f %%)",
                      cases[c].n, cases[c].seed, estimate, error * 100);
      g_assert_cmpfloat (ABS (error), <=, 0.02);
    }
}

/* Ids that are hex digests hash to their first 64 bits: the estimate of
 * sequential-looking digests holds as well as of random hashes. */
static void
test_accuracy_digests (void)
{
  g_autoptr(HubHll) hll = hub_hll_new ();
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const guint n = 100000;
  double error;

  for (guint i = 0; i < n; i++)
    {
      const char *hex;
      char text[16];

      g_checksum_reset (sum);
      g_snprintf (text, sizeof text, "%u", i);
      g_checksum_update (sum, (const guchar *) text, -1);
      hex = g_checksum_get_string (sum);
      hub_hll_add (hll, hub_identity_hash (hex, strlen (hex)));
    }
  error = ((double) hub_hll_estimate (hll) - n) / n;
  g_assert_cmpfloat (ABS (error), <=, 0.02);
}

/* The union of two sketches is the sketch of the union, sparse or dense. */
static void
test_union (void)
{
  const guint sizes[] = { 50, 1500, 30000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(HubHll) a = hub_hll_new ();
      g_autoptr(HubHll) b = hub_hll_new ();
      g_autoptr(HubHll) both = hub_hll_new ();
      guint64 state = 11;

      for (guint i = 0; i < sizes[s]; i++)
        {
          guint64 h = next_hash (&state);

          /* A third in a only, a third in b only, a third in both. */
          if (i % 3 != 1)
            hub_hll_add (a, h);
          if (i % 3 != 0)
            hub_hll_add (b, h);
          hub_hll_add (both, h);
        }
      hub_hll_merge (a, b);
      g_assert_true (hub_hll_equal (a, both));
      g_assert_cmpuint (hub_hll_estimate (a), ==, hub_hll_estimate (both));
      if (sizes[s] <= HUB_HLL_SPARSE_MAX)
        g_assert_cmpuint (hub_hll_estimate (a), ==, sizes[s]);
    }
}

/* The binary and the text forms give back the same sketch. */
static void
test_round_trip (void)
{
  const guint sizes[] = { 0, 1, 700, 20000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(HubHll) hll = hub_hll_new ();
      g_autoptr(HubHll) from_text = NULL;
      g_autoptr(HubHll) from_bytes = NULL;
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autofree char *text = NULL;
      const guint8 *p;
      guint64 state = 3;

      for (guint i = 0; i < sizes[s]; i++)
        hub_hll_add (hll, next_hash (&state));

      text = hub_hll_to_text (hll);
      from_text = hub_hll_from_text (text, strlen (text));
      g_assert_nonnull (from_text);
      g_assert_true (hub_hll_equal (hll, from_text));

      hub_hll_serialize (hll, bytes);
      p = bytes->data;
      from_bytes = hub_hll_deserialize (&p, bytes->data + bytes->len);
      g_assert_nonnull (from_bytes);
      g_assert_true (p == bytes->data + bytes->len);
      g_assert_true (hub_hll_equal (hll, from_bytes));
    }
}

static void
test_text_refused (void)
{
  const char *bad[] = {
    "x:1", "h:", "h:xyz", "h:00000000000000001", "r:1", "r:16384=1", "r:1=52", "r:=3",
    "h:01;;02",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HubHll) hll = hub_hll_from_text (bad[i], strlen (bad[i]));

      g_assert_null (hll);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/hll/sparse-exact", test_sparse_exact);
  g_test_add_func ("/core/hll/accuracy", test_accuracy);
  g_test_add_func ("/core/hll/accuracy-digests", test_accuracy_digests);
  g_test_add_func ("/core/hll/union", test_union);
  g_test_add_func ("/core/hll/round-trip", test_round_trip);
  g_test_add_func ("/core/hll/text-refused", test_text_refused);

  return g_test_run ();
}
