/* hub-log-fast-csv.c: CSV lines without quotation marks, split by
 * position as libcsv would split them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>

#include "hub-log-reader-private.h"

/* Spaces and tabs, which libcsv trims off fields without quotes. */
static const guint8 blank[256] = { [' '] = 1, ['\t'] = 1 };

static inline Field
trimmed (const char *p,
         const char *end)
{
  Field f;

  /* Mostly neither end is blank: one test for both. */
  if (G_UNLIKELY (p < end && (blank[(guchar) *p] | blank[(guchar) end[-1]])))
    {
      while (p < end && blank[(guchar) *p])
        p++;
      while (end > p && blank[(guchar) end[-1]])
        end--;
    }
  f.p = p;
  f.len = (gsize) (end - p);
  return f;
}

/* The column a row of n fields stops short of; FALSE. */
gboolean
log_short_row (Worker  *w,
               guint    n,
               guint64  line)
{
  int missing = -1;

  for (int c = 0; c < N_COLS; c++)
    if (w->columns[c] >= (int) n && (missing < 0 || w->columns[c] < w->columns[missing]))
      missing = c;
  log_fail (w, line, HUB_LOG_ERROR_SHORT_ROW, missing, NULL, 0);
  return FALSE;
}

/* Where the 16 bytes at p hold a comma, a LF or a CR, as bits. */
static inline guint32
separators (const char *p)
{
#ifdef __SSE2__
  __m128i v = _mm_loadu_si128 ((const __m128i *) p);

  return (guint32) _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (
    _mm_cmpeq_epi8 (v, _mm_set1_epi8 (',')), _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n'))),
    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\r'))));
#else
  guint32 m = 0;

  for (int i = 0; i < 16; i++)
    if (p[i] == ',' || p[i] == '\n' || p[i] == '\r')
      m |= 1u << i;
  return m;
#endif
}

/* Where the 64 bytes at p hold a comma, a LF or a CR, as bits: fewer
 * turns of the loop that takes them. */
static inline guint64
separators64 (const char *p)
{
  return (guint64) separators (p) | (guint64) separators (p + 16) << 16
         | (guint64) separators (p + 32) << 32 | (guint64) separators (p + 48) << 48;
}

typedef struct
{
  Field        fields[N_COLS];
  guint        n;           /* fields ended so far in the line */
  const char  *start;       /* of the current field */
} CsvLine;

/* Field n of a line, from start to end, into its column's place when the
 * header's roles (n_needed of them) give it one. */
static inline void
set_field (Field       *fields,
           const gint8 *role_at,
           guint        n_needed,
           guint        n,
           const char  *start,
           const char  *end)
{
  if (n < n_needed && role_at[n] >= 0)
    fields[role_at[n]] = trimmed (start, end);
}

static inline void
end_field (Worker     *w,
           CsvLine    *l,
           const char *end)
{
  set_field (l->fields, w->role_at, w->n_needed, l->n, l->start, end);
  l->n++;
}

/* A line ends at end: skipped when blank, as libcsv skips it. */
static gboolean
end_line (Worker     *w,
          CsvLine    *l,
          const char *end,
          guint64     line)
{
  gboolean ok = TRUE;

  if (l->n > 0 || trimmed (l->start, end).len > 0)
    {
      end_field (w, l, end);
      if (l->n < w->n_needed)
        ok = log_short_row (w, l->n, line);
      else if (w->aggregate)
        ok = log_handle_aggregate_fields (w, l->fields, line);
      else
        {
          ok = log_prepare_line (w, l->fields, w->old_format, line, &w->pending[w->n_pending]);
          if (ok && ++w->n_pending == G_N_ELEMENTS (w->pending))
            log_apply_pending (w);
        }
    }
  /* The fields of the header's columns are all set again by the next
   * line, or it is refused as short: no need to empty them. */
  l->n = 0;
  l->start = end + 1;
  return ok;
}

/* Whole lines without quotation marks, split at commas, at LF and at a CR
 * that ends a line, as libcsv splits them, 64 bytes at a time. */
void
log_handle_csv_lines (Worker *w)
{
  gsize len = w->buffer->len;
  const char *data;
  const char *end;
  const char *p;
  CsvLine l;
  guint64 line = 0;
  gboolean ok = TRUE;
  /* The line's state and the header's roles, in locals between lines:
   * kept in registers across a line's commas. */
  guint n = 0;
  const char *start;
  const guint n_needed = w->n_needed;
  const gint8 *role_at = w->role_at;

  /* Zeros after the buffer, for the 64-byte look past its end. */
  g_byte_array_set_size (w->buffer, (guint) len + 64);
  memset (w->buffer->data + len, 0, 64);
  g_byte_array_set_size (w->buffer, (guint) len);
  data = (const char *) w->buffer->data;
  end = data + len;

  for (int c = 0; c < N_COLS; c++)
    l.fields[c] = (Field) { "", 0 };
  start = data;

  /* The zeros after the buffer hold no separator: the last 64 bytes need
   * no mask. A refused line stops both loops. */
  for (p = data; ok && p < end; p += 64)
    {
      guint64 m = separators64 (p);

      while (m != 0)
        {
          const char *q = p + __builtin_ctzll (m);

          m &= m - 1;
          if (G_LIKELY (*q == ','))
            {
              set_field (l.fields, role_at, n_needed, n, start, q);
              n++;
              start = q + 1;
              continue;
            }
          l.n = n;
          l.start = start;
          if (*q == '\n')
            {
              ok = end_line (w, &l, q > start && q[-1] == '\r' ? q - 1 : q, line++);
              l.start = q + 1;
            }
          else if (q + 1 >= end || q[1] != '\n')
            ok = end_line (w, &l, q, line++);
          n = l.n;
          start = l.start;
          if (!ok)
            break;
        }
    }
  l.n = n;
  l.start = start;
  if (ok && (l.start < end || l.n > 0))
    ok = end_line (w, &l, end, line++);
  if (ok)
    log_apply_pending (w);
  w->n_pending = 0;

  w->lines = line;
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, line);
}
