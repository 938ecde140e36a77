/* hub-hll.c: HyperLogLog sketches of identity hashes
 *
 * Precision 14: a hash's top 14 bits choose the register, and the register
 * keeps the largest count of leading zeros of the other 50 bits, plus one.
 * The estimate is Ertl's improved estimator ("New cardinality estimation
 * algorithms for HyperLogLog sketches", 2017), which needs no empirical bias
 * tables. A sketch starts sparse: an open-addressing set of the hashes
 * themselves, exact, and a few bytes for a quiet repository; it turns into
 * registers when the hashes would take more room than the registers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hub-hll.h"
#include "hub-log-private.h"

#define RANK_BITS (64 - HUB_HLL_PRECISION)

struct _HubHll
{
  guint32  n_hashes;     /* distinct hashes while sparse */
  guint32  capacity;     /* slots of hashes, a power of two; 0 when dense */
  gboolean has_zero;     /* 0 marks an empty slot, so the hash 0 is kept here */
  guint64 *hashes;
  guint8  *registers;    /* HUB_HLL_REGISTERS of them once dense */
};

static inline guint64
slot_of (guint64 hash,
         guint32 capacity)
{
  /* The top bits are the register index and well mixed in any hash. */
  return (hash ^ (hash >> 29)) & (capacity - 1);
}

static inline void
dense_add (guint8  *registers,
           guint64  hash)
{
  guint32 index = (guint32) (hash >> RANK_BITS);
  guint64 rest = hash << HUB_HLL_PRECISION;
  guint8 rank = rest == 0 ? RANK_BITS + 1 : (guint8) (__builtin_clzll (rest) + 1);

  if (rank > registers[index])
    registers[index] = rank;
}

static void
make_dense (HubHll *self)
{
  self->registers = log_alloc_zeroed (HUB_HLL_REGISTERS);
  if (self->has_zero)
    dense_add (self->registers, 0);
  for (guint32 i = 0; i < self->capacity; i++)
    if (self->hashes[i] != 0)
      dense_add (self->registers, self->hashes[i]);
  g_clear_pointer (&self->hashes, g_free);
  self->capacity = 0;
  self->n_hashes = 0;
  self->has_zero = FALSE;
}

static void
sparse_insert (guint64 *hashes,
               guint32  capacity,
               guint64  hash)
{
  guint64 slot = slot_of (hash, capacity);

  while (hashes[slot] != 0 && hashes[slot] != hash)
    slot = (slot + 1) & (capacity - 1);
  hashes[slot] = hash;
}

/* Rehashes into capacity slots, a power of two that holds them all. */
static void
sparse_resize (HubHll  *self,
               guint32  capacity)
{
  guint64 *hashes = log_alloc_zeroed (capacity * sizeof (guint64));

  for (guint32 i = 0; i < self->capacity; i++)
    if (self->hashes[i] != 0)
      sparse_insert (hashes, capacity, self->hashes[i]);
  g_free (self->hashes);
  self->hashes = hashes;
  self->capacity = capacity;
}

static void
sparse_grow (HubHll *self)
{
  sparse_resize (self, self->capacity ? self->capacity * 2 : 4);
}

/* Room for n hashes at most three quarters full, or for as many as a sparse
 * sketch keeps, at once rather than doubling step by step. */
static void
sparse_reserve (HubHll  *self,
                guint32  n)
{
  guint32 capacity = MAX (self->capacity, 4);

  n = MIN (n, (guint32) HUB_HLL_SPARSE_MAX);
  while (n * 4 > capacity * 3)
    capacity *= 2;
  if (capacity != self->capacity)
    sparse_resize (self, capacity);
}

HubHll *
hub_hll_new (void)
{
  return g_new0 (HubHll, 1);
}

HubHll *
hub_hll_copy (const HubHll *hll)
{
  HubHll *copy = g_new0 (HubHll, 1);

  *copy = *hll;
  if (hll->hashes != NULL)
    copy->hashes = g_memdup2 (hll->hashes, hll->capacity * sizeof (guint64));
  if (hll->registers != NULL)
    copy->registers = g_memdup2 (hll->registers, HUB_HLL_REGISTERS);
  return copy;
}

void
hub_hll_free (HubHll *hll)
{
  if (hll == NULL)
    return;
  g_free (hll->hashes);
  g_free (hll->registers);
  g_free (hll);
}

void
hub_hll_add (HubHll  *hll,
             guint64  hash)
{
  guint64 slot;

  if (G_LIKELY (hll->registers != NULL))
    {
      dense_add (hll->registers, hash);
      return;
    }

  if (hash == 0)
    {
      if (!hll->has_zero)
        {
          hll->has_zero = TRUE;
          hll->n_hashes++;
        }
      return;
    }

  if (hll->capacity != 0)
    {
      slot = slot_of (hash, hll->capacity);
      while (hll->hashes[slot] != 0)
        {
          if (hll->hashes[slot] == hash)
            return;
          slot = (slot + 1) & (hll->capacity - 1);
        }
    }

  if (hll->n_hashes + 1 > HUB_HLL_SPARSE_MAX)
    {
      make_dense (hll);
      dense_add (hll->registers, hash);
      return;
    }

  /* At most three quarters full, so that probes stay short. */
  if ((hll->n_hashes + 1) * 4 > hll->capacity * 3)
    sparse_grow (hll);
  sparse_insert (hll->hashes, hll->capacity, hash);
  hll->n_hashes++;
}

/* Asks for the memory hub_hll_add (hll, hash) will touch, ahead of it. */
void
hub_hll_prefetch (const HubHll *hll,
                  guint64       hash)
{
  if (hll->registers != NULL)
    __builtin_prefetch (&hll->registers[hash >> RANK_BITS]);
  else if (hll->capacity != 0)
    __builtin_prefetch (&hll->hashes[slot_of (hash, hll->capacity)]);
}

void
hub_hll_merge (HubHll       *hll,
               const HubHll *other)
{
  if (other->registers != NULL)
    {
      guint8 *restrict into;
      const guint8 *restrict from = other->registers;

      if (hll->registers == NULL)
        make_dense (hll);
      /* Two sketches' registers never overlap: the loop is vectorised. */
      into = hll->registers;
      for (guint32 i = 0; i < HUB_HLL_REGISTERS; i++)
        into[i] = MAX (into[i], from[i]);
      return;
    }

  /* Into registers, each hash straight to its register. */
  if (hll->registers != NULL)
    {
      if (other->has_zero)
        dense_add (hll->registers, 0);
      for (guint32 i = 0; i < other->capacity; i++)
        if (other->hashes[i] != 0)
          dense_add (hll->registers, other->hashes[i]);
      return;
    }
  sparse_reserve (hll, hll->n_hashes + other->n_hashes);
  if (other->has_zero)
    hub_hll_add (hll, 0);
  for (guint32 i = 0; i < other->capacity; i++)
    if (other->hashes[i] != 0)
      hub_hll_add (hll, other->hashes[i]);
}

gboolean
hub_hll_is_sparse (const HubHll *hll)
{
  return hll->registers == NULL;
}

/* Ertl's σ(x), for the registers still at zero. */
static double
ertl_sigma (double x)
{
  double y = 1.0;
  double z = x;
  double previous;

  if (x == 1.0)
    return INFINITY;
  do
    {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    }
  while (z != previous);
  return z;
}

/* Ertl's τ(x), for the registers at their largest value. */
static double
ertl_tau (double x)
{
  double y = 1.0;
  double z = 1.0 - x;
  double previous;

  if (x == 0.0 || x == 1.0)
    return 0.0;
  do
    {
      x = sqrt (x);
      previous = z;
      y *= 0.5;
      z -= (1.0 - x) * (1.0 - x) * y;
    }
  while (z != previous);
  return z / 3.0;
}

guint64
hub_hll_estimate (const HubHll *hll)
{
  const double m = HUB_HLL_REGISTERS;
  guint32 histogram[RANK_BITS + 2] = { 0 };
  double z;

  if (hll->registers == NULL)
    return hll->n_hashes;

  for (guint32 i = 0; i < HUB_HLL_REGISTERS; i++)
    histogram[hll->registers[i]]++;

  z = m * ertl_tau (1.0 - histogram[RANK_BITS + 1] / m);
  for (int k = RANK_BITS; k >= 1; k--)
    z = 0.5 * (z + histogram[k]);
  z += m * ertl_sigma (histogram[0] / m);

  return (guint64) llround (m * m / (2.0 * G_LN2 * z));
}

static int
compare_hashes (const void *a,
                const void *b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* The sparse hashes in increasing order: one form for one set, whatever
 * order they were added in. */
static guint64 *
sorted_hashes (const HubHll *hll)
{
  guint64 *sorted = g_new (guint64, hll->n_hashes + 1);
  guint32 n = 0;

  if (hll->has_zero)
    sorted[n++] = 0;
  for (guint32 i = 0; i < hll->capacity; i++)
    if (hll->hashes[i] != 0)
      sorted[n++] = hll->hashes[i];
  qsort (sorted, n, sizeof (guint64), compare_hashes);
  return sorted;
}

gboolean
hub_hll_equal (const HubHll *a,
               const HubHll *b)
{
  g_autofree guint64 *sa = NULL;
  g_autofree guint64 *sb = NULL;

  if ((a->registers == NULL) != (b->registers == NULL))
    return FALSE;
  if (a->registers != NULL)
    return memcmp (a->registers, b->registers, HUB_HLL_REGISTERS) == 0;
  if (a->n_hashes != b->n_hashes)
    return FALSE;
  sa = sorted_hashes (a);
  sb = sorted_hashes (b);
  return memcmp (sa, sb, a->n_hashes * sizeof (guint64)) == 0;
}

/* Binary form: a byte 0 and a 32-bit count of hashes in increasing order,
 * or a byte 1 and the registers; little-endian. */
void
hub_hll_serialize (const HubHll *hll,
                   GByteArray   *out)
{
  guint8 kind = hll->registers == NULL ? 0 : 1;

  g_byte_array_append (out, &kind, 1);
  if (hll->registers != NULL)
    {
      g_byte_array_append (out, hll->registers, HUB_HLL_REGISTERS);
      return;
    }
  {
    g_autofree guint64 *sorted = sorted_hashes (hll);
    guint32 n = GUINT32_TO_LE (hll->n_hashes);

    g_byte_array_append (out, (const guint8 *) &n, 4);
    for (guint32 i = 0; i < hll->n_hashes; i++)
      {
        guint64 h = GUINT64_TO_LE (sorted[i]);

        g_byte_array_append (out, (const guint8 *) &h, 8);
      }
  }
}

HubHll *
hub_hll_deserialize (const guint8 **data,
                     const guint8  *end)
{
  const guint8 *p = *data;
  g_autoptr(HubHll) hll = NULL;
  guint32 n;

  if (p >= end)
    return NULL;
  hll = hub_hll_new ();
  if (*p == 1)
    {
      if ((gsize) (end - p) < 1 + HUB_HLL_REGISTERS)
        return NULL;
      hll->registers = g_memdup2 (p + 1, HUB_HLL_REGISTERS);
      for (guint32 i = 0; i < HUB_HLL_REGISTERS; i++)
        if (hll->registers[i] > RANK_BITS + 1)
          return NULL;
      *data = p + 1 + HUB_HLL_REGISTERS;
      return g_steal_pointer (&hll);
    }
  if (*p != 0 || end - p < 5)
    return NULL;
  memcpy (&n, p + 1, 4);
  n = GUINT32_FROM_LE (n);
  p += 5;
  if (n > HUB_HLL_SPARSE_MAX || (gsize) (end - p) < (gsize) n * 8)
    return NULL;
  for (guint32 i = 0; i < n; i++, p += 8)
    {
      guint64 h;

      memcpy (&h, p, 8);
      hub_hll_add (hll, GUINT64_FROM_LE (h));
    }
  *data = p;
  return g_steal_pointer (&hll);
}

/* Text form, for the aggregate CSV (docs/logs-aggregate.md): empty for no
 * hashes; `h:` and the hashes as 16 hexadecimal digits, separated by `;`,
 * while sparse; `r:` and `index=value` for each register above zero,
 * separated by `;`, once dense. */
char *
hub_hll_to_text (const HubHll *hll)
{
  GString *text = g_string_new (NULL);

  if (hll->registers != NULL)
    {
      g_string_append (text, "r:");
      for (guint32 i = 0; i < HUB_HLL_REGISTERS; i++)
        if (hll->registers[i] != 0)
          g_string_append_printf (text, "%s%u=%u", text->len > 2 ? ";" : "",
                                  i, hll->registers[i]);
    }
  else if (hll->n_hashes > 0)
    {
      g_autofree guint64 *sorted = sorted_hashes (hll);

      g_string_append (text, "h:");
      for (guint32 i = 0; i < hll->n_hashes; i++)
        g_string_append_printf (text, "%s%016" G_GINT64_MODIFIER "x", i ? ";" : "", sorted[i]);
    }
  return g_string_free (text, FALSE);
}

HubHll *
hub_hll_from_text (const char *text,
                   gsize       len)
{
  g_autoptr(HubHll) hll = hub_hll_new ();
  const char *end = text + len;
  const char *p;
  gboolean dense;

  if (len == 0)
    return g_steal_pointer (&hll);
  if (len < 3 || (text[0] != 'h' && text[0] != 'r') || text[1] != ':')
    return NULL;
  dense = text[0] == 'r';
  if (dense)
    hll->registers = log_alloc_zeroed (HUB_HLL_REGISTERS);

  for (p = text + 2; p < end;)
    {
      const char *item_end = memchr (p, ';', (gsize) (end - p));

      if (item_end == NULL)
        item_end = end;
      if (dense)
        {
          const char *eq = memchr (p, '=', (gsize) (item_end - p));
          guint64 index, value;

          if (eq == NULL
              || !log_parse_digits (p, (gsize) (eq - p), 10, 5, HUB_HLL_REGISTERS - 1, &index)
              || !log_parse_digits (eq + 1, (gsize) (item_end - eq - 1), 10, 5, RANK_BITS + 1,
                                    &value))
            return NULL;
          hll->registers[index] = MAX (hll->registers[index], (guint8) value);
        }
      else
        {
          guint64 hash;

          if (!log_parse_digits (p, (gsize) (item_end - p), 16, 16, G_MAXUINT64, &hash))
            return NULL;
          hub_hll_add (hll, hash);
        }
      p = item_end < end ? item_end + 1 : end;
    }
  return g_steal_pointer (&hll);
}
