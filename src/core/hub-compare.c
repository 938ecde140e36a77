/* hub-compare.c: up to six repositories or authors on one scale: absolute, indexed to 100, or shares
 *
 * The buckets are the chart's (days, ISO weeks, calendar months, cut at
 * the range's ends). Indexed, each series is 100 × its bucket's downloads
 * over its first bucket's, so that growth compares whatever the size; a
 * series with no downloads in the first bucket has no index. As shares,
 * each bucket's downloads are divided by the sum of all the series' in
 * that bucket; a bucket where all are 0 has no shares. A series is any
 * daily series: a repository's, or an author's estimated from its
 * snapshots. The notes of the range go with the table, to its exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hub-compare.h"
#include "hub-csv-writer.h"

/* The table of repos over range (at most HUB_COMPARE_MAX; more are left
 * out), each named TYPE:NAME in the CSV. */
HubCompareTable *
hub_compare_compute (const HubRepo * const *repos,
                     guint                  n_repos,
                     HubRange               range,
                     HubBucket              bucket,
                     HubCompareMode         mode)
{
  HubCompareSeries series[HUB_COMPARE_MAX] = { { NULL } };
  char *columns[HUB_COMPARE_MAX] = { NULL };
  guint n = MIN (n_repos, HUB_COMPARE_MAX);
  HubCompareTable *table;

  g_return_val_if_fail (repos != NULL || n_repos == 0, NULL);

  for (guint s = 0; s < n; s++)
    {
      columns[s] = g_strdup_printf ("%s:%s", repos[s]->type, repos[s]->name);
      series[s] = (HubCompareSeries) { repos[s], repos[s]->name, columns[s] };
    }
  table = hub_compare_compute_series (series, n, range, bucket, mode);
  for (guint s = 0; s < n; s++)
    g_free (columns[s]);
  return table;
}

/* The table of series over range (at most HUB_COMPARE_MAX; more are left out). */
HubCompareTable *
hub_compare_compute_series (const HubCompareSeries *series,
                            guint                   n_series,
                            HubRange                range,
                            HubBucket               bucket,
                            HubCompareMode          mode)
{
  HubCompareTable *table = g_new0 (HubCompareTable, 1);

  g_return_val_if_fail (series != NULL || n_series == 0, table);

  table->mode = mode;
  table->range = range;
  table->notes = g_array_new (FALSE, FALSE, sizeof (HubCompareNote));
  table->n_series = MIN (n_series, HUB_COMPARE_MAX);
  for (guint s = 0; s < table->n_series; s++)
    {
      g_autoptr(GArray) points = hub_repo_buckets (series[s].repo, range.first, range.last, bucket, FALSE);

      table->repos[s] = series[s].repo;
      table->labels[s] = g_strdup (series[s].label);
      table->columns[s] = g_strdup (series[s].column);
      if (s == 0)
        {
          table->n_points = points->len;
          table->starts = g_new (HubDay, MAX (points->len, 1));
          table->values = g_new (double, MAX (table->n_series * points->len, 1));
        }
      for (guint p = 0; p < table->n_points; p++)
        {
          const HubPoint *point = &g_array_index (points, HubPoint, p);

          table->starts[p] = point->start;
          table->values[s * table->n_points + p] = (double) point->value;
        }
    }

  if (mode == HUB_COMPARE_INDEXED)
    for (guint s = 0; s < table->n_series; s++)
      {
        double *row = table->values + s * table->n_points;
        double base = table->n_points > 0 ? row[0] : 0;

        for (guint p = 0; p < table->n_points; p++)
          row[p] = base > 0 ? 100.0 * row[p] / base : NAN;
      }
  else if (mode == HUB_COMPARE_SHARE)
    for (guint p = 0; p < table->n_points; p++)
      {
        double sum = 0;

        for (guint s = 0; s < table->n_series; s++)
          sum += table->values[s * table->n_points + p];
        for (guint s = 0; s < table->n_series; s++)
          table->values[s * table->n_points + p] = sum > 0 ? table->values[s * table->n_points + p] / sum
                                                           : NAN;
      }
  return table;
}

/* A note of day, kept when the day is in the table's range. */
void
hub_compare_add_note (HubCompareTable *table,
                      HubDay           day,
                      const char      *text)
{
  HubCompareNote note = { day, NULL };
  guint i = 0;

  g_return_if_fail (table != NULL && text != NULL);

  if (!hub_range_contains (table->range, day))
    return;
  while (i < table->notes->len && g_array_index (table->notes, HubCompareNote, i).day <= day)
    i++;
  note.text = g_strdup (text);
  g_array_insert_val (table->notes, i, note);
}

void
hub_compare_free (HubCompareTable *table)
{
  if (table == NULL)
    return;
  for (guint s = 0; s < table->n_series; s++)
    {
      g_free (table->labels[s]);
      g_free (table->columns[s]);
    }
  for (guint i = 0; table->notes != NULL && i < table->notes->len; i++)
    g_free (g_array_index (table->notes, HubCompareNote, i).text);
  g_clear_pointer (&table->notes, g_array_unref);
  g_free (table->starts);
  g_free (table->values);
  g_free (table);
}

double
hub_compare_value (const HubCompareTable *table,
                   guint                  series,
                   guint                  point)
{
  g_return_val_if_fail (table != NULL, NAN);
  g_return_val_if_fail (series < table->n_series && point < table->n_points, NAN);

  return table->values[series * table->n_points + point];
}

/* The bucket day falls in: the last one starting on or before it. */
guint
hub_compare_point_of_day (const HubCompareTable *table,
                          HubDay                 day)
{
  guint p = 0;

  g_return_val_if_fail (table != NULL && table->n_points > 0, 0);

  while (p + 1 < table->n_points && table->starts[p + 1] <= day)
    p++;
  return p;
}

/* The comparison as CSV, locale-free: `date` (a bucket's first day), then
 * a column a series (a repository named TYPE:NAME); counts as integers,
 * indexes and shares as decimals, empty where there is no value; then,
 * when the range has notes, `notes`: the bucket's, "DAY text", joined by
 * "; ". */
gboolean
hub_compare_write_csv (const HubCompareTable *table,
                       GOutputStream         *out,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GString) csv = g_string_new ("date");
  g_autofree GString **notes = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint s = 0; s < table->n_series; s++)
    {
      g_string_append_c (csv, ',');
      hub_csv_append_field (csv, table->columns[s]);
    }
  if (table->notes->len > 0 && table->n_points > 0)
    {
      notes = g_new0 (GString *, table->n_points);
      for (guint i = 0; i < table->notes->len; i++)
        {
          const HubCompareNote *note = &g_array_index (table->notes, HubCompareNote, i);
          guint p = hub_compare_point_of_day (table, note->day);
          char day[HUB_DAY_ISO_LEN];

          hub_day_format (note->day, day);
          if (notes[p] == NULL)
            notes[p] = g_string_new (NULL);
          else
            g_string_append (notes[p], "; ");
          g_string_append_printf (notes[p], "%s %s", day, note->text);
        }
      g_string_append (csv, ",notes");
    }
  g_string_append_c (csv, '\n');
  for (guint p = 0; p < table->n_points; p++)
    {
      char day[HUB_DAY_ISO_LEN];

      hub_day_format (table->starts[p], day);
      g_string_append (csv, day);
      for (guint s = 0; s < table->n_series; s++)
        {
          double value = hub_compare_value (table, s, p);
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_c (csv, ',');
          if (isnan (value))
            continue;
          if (table->mode == HUB_COMPARE_ABSOLUTE)
            g_string_append_printf (csv, "%" G_GINT64_FORMAT, (gint64) value);
          else
            g_string_append (csv, g_ascii_formatd (number, sizeof number, "%.6g", value));
        }
      if (notes != NULL)
        {
          g_string_append_c (csv, ',');
          if (notes[p] != NULL)
            {
              hub_csv_append_field (csv, notes[p]->str);
              g_string_free (notes[p], TRUE);
            }
        }
      g_string_append_c (csv, '\n');
    }
  return g_output_stream_write_all (out, csv->str, csv->len, NULL, cancellable, error);
}
