/* hub-estimate.c: a repository's snapshots, and the daily downloads they imply
 *
 * The Hub keeps no daily series for anyone without a breakdown: only each
 * repository's all-time downloads today. Between two snapshots on days A
 * and B, the change of downloadsAllTime is spread over A+1 … B as DESIGN.md
 * says: each day the whole-number quotient, the remainder one each to the
 * latest days, and 0 where the figure fell. Every such day is an estimate,
 * and the breakdown written from them says so in a sixth column, which
 * readers of the Hub's five columns ignore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "hub-csv-writer.h"
#include "hub-estimate.h"
#include "hub-parser.h"

#define FLUSH_AT (64 * 1024)

HubRepoHistory *
hub_repo_history_new (const char *type,
                      const char *name)
{
  HubRepoHistory *history = g_new0 (HubRepoHistory, 1);

  g_return_val_if_fail (type != NULL && name != NULL, NULL);

  history->type = g_strdup (type);
  history->name = g_strdup (name);
  history->points = g_array_new (FALSE, FALSE, sizeof (HubSnapshotPoint));
  return history;
}

void
hub_repo_history_free (HubRepoHistory *history)
{
  if (history == NULL)
    return;
  g_free (history->type);
  g_free (history->name);
  g_array_unref (history->points);
  g_free (history);
}

/* Points must come oldest first, one a day. */
void
hub_repo_history_add (HubRepoHistory         *history,
                      const HubSnapshotPoint *point)
{
  g_return_if_fail (history != NULL && point != NULL);
  g_return_if_fail (history->points->len == 0 ||
                    g_array_index (history->points, HubSnapshotPoint,
                                   history->points->len - 1).day < point->day);

  g_array_append_val (history->points, *point);
}

/* counts[0] is the earliest of n_days days. */
void
hub_estimate_spread (gint64  change,
                     guint   n_days,
                     gint64 *counts)
{
  gint64 quotient;
  gint64 remainder;

  g_return_if_fail (n_days > 0 && counts != NULL);

  if (change < 0)
    change = 0;
  quotient = change / n_days;
  remainder = change % n_days;
  for (guint i = 0; i < n_days; i++)
    counts[i] = quotient + ((gint64) i >= (gint64) n_days - remainder ? 1 : 0);
}

/* The estimated days from the day after the first snapshot that has
 * downloadsAllTime to the last that has it, consecutive. decreases (may be
 * NULL) receives a HubDecrease for each fall. */
GArray *
hub_estimate_daily (const HubRepoHistory  *history,
                    GArray               **decreases)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (HubEstimatedDay));
  g_autoptr(GArray) falls = g_array_new (FALSE, FALSE, sizeof (HubDecrease));
  g_autofree gint64 *counts = NULL;
  const HubSnapshotPoint *previous = NULL;

  g_return_val_if_fail (history != NULL, NULL);

  for (guint i = 0; i < history->points->len; i++)
    {
      const HubSnapshotPoint *point = &g_array_index (history->points, HubSnapshotPoint, i);
      gint64 change;
      guint n;

      if (point->downloads_all_time < 0)
        continue;
      if (previous == NULL)
        {
          previous = point;
          continue;
        }

      n = (guint) (point->day - previous->day);
      change = point->downloads_all_time - previous->downloads_all_time;
      counts = g_renew (gint64, counts, n);
      hub_estimate_spread (change, n, counts);
      if (change < 0)
        {
          HubDecrease fall = { previous->day, point->day, -change };

          g_array_append_val (falls, fall);
        }
      for (guint d = 0; d < n; d++)
        {
          HubEstimatedDay day = { previous->day + 1 + (HubDay) d, counts[d], change < 0 };

          g_array_append_val (days, day);
        }
      previous = point;
    }

  if (decreases != NULL)
    *decreases = g_steal_pointer (&falls);
  return g_steal_pointer (&days);
}

/* The breakdown's five columns and the estimate flag, one repository. */
static void
append_rows (GString              *buffer,
             const HubRepoHistory *history)
{
  g_autoptr(GArray) days = hub_estimate_daily (history, NULL);
  g_autoptr(GString) prefix = NULL;
  gint64 total = 0;

  if (days->len == 0)
    return;
  for (guint i = 0; i < history->points->len; i++)
    total = MAX (total, g_array_index (history->points, HubSnapshotPoint, i).downloads_all_time);

  prefix = g_string_new (NULL);
  hub_csv_append_field (prefix, history->type);
  g_string_append_c (prefix, ',');
  hub_csv_append_field (prefix, history->name);
  g_string_append_printf (prefix, ",%" G_GINT64_FORMAT ",", total);
  for (guint i = 0; i < days->len; i++)
    {
      const HubEstimatedDay *day = &g_array_index (days, HubEstimatedDay, i);
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (day->day, iso);
      g_string_append_len (buffer, prefix->str, (gssize) prefix->len);
      g_string_append_printf (buffer, "%sT00:00:00.000Z,%" G_GINT64_FORMAT ",true\n",
                              iso, day->downloads);
    }
}

#define HEADER "repoType,repoName,total,timestamp,downloads,estimate\n"

/* Repositories with fewer than two snapshots that give all-time downloads
 * have no estimated day, and so no row. */
gboolean
hub_estimate_write_csv (GPtrArray      *histories,
                        GOutputStream  *out,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);

  g_return_val_if_fail (histories != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  g_string_append (buffer, HEADER);
  for (guint i = 0; i < histories->len; i++)
    {
      append_rows (buffer, g_ptr_array_index (histories, i));
      if (buffer->len >= FLUSH_AT)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }
    }
  return g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);
}

/* Written beside the destination and renamed on a clean close, as the
 * other exports are: a failed export never leaves half a file. */
gboolean
hub_estimate_export (GPtrArray     *histories,
                     GFile         *destination,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  g_return_val_if_fail (histories != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  out = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (hub_estimate_write_csv (histories, G_OUTPUT_STREAM (out), cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);

  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return FALSE;
}

/* The estimates as a dataset, for the table and the charts: the same rows
 * as the export, read by the breakdown's own parser, a repository at a
 * time, so that a year of history never sits in memory as text. Every
 * daily figure of it is an estimate. */
HubDataset *
hub_estimate_to_dataset (GPtrArray   *histories,
                         const char  *source_name,
                         GError     **error)
{
  g_autoptr(HubParser) parser = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);

  g_return_val_if_fail (histories != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  parser = hub_parser_new (source_name, NULL);
  g_string_append (buffer, HEADER);
  for (guint i = 0; i < histories->len; i++)
    {
      append_rows (buffer, g_ptr_array_index (histories, i));
      if (buffer->len >= FLUSH_AT)
        {
          if (!hub_parser_feed (parser, buffer->str, buffer->len, error))
            return NULL;
          g_string_truncate (buffer, 0);
        }
    }
  if (!hub_parser_feed (parser, buffer->str, buffer->len, error))
    return NULL;
  return hub_parser_finish (parser, error);
}
