/* hub-csv-writer.c: the breakdown and the per-repository table as CSV
 *
 * CSV is locale-free: plain integers, dates as the Hub writes them, the
 * change as a decimal ratio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-atomic-file.h"
#include "hub-csv-writer.h"

#define FLUSH_AT (64 * 1024)

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static void
append_field (GString    *line,
              const char *text)
{
  gsize len = strlen (text);

  /* Quoted only where RFC 4180 needs it, as the Hub writes its own files,
   * and where a reader (libcsv among them) would trim spaces or tabs. */
  if (len > 0 && strpbrk (text, ",\"\r\n") == NULL &&
      !is_blank (text[0]) && !is_blank (text[len - 1]))
    {
      g_string_append_len (line, text, (gssize) len);
      return;
    }
  {
    gsize at = line->len;
    gsize need = len * 2 + 2;

    g_string_set_size (line, at + need);
    need = csv_write (line->str + at, need, text, len);
    g_string_set_size (line, at + need);
  }
}

static gboolean
flush (GString       *buffer,
       GOutputStream *out,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  if (!force && buffer->len < FLUSH_AT)
    return TRUE;
  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

gboolean
hub_csv_write_breakdown (HubDataset     *dataset,
                         GOutputStream  *out,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  guint n = hub_dataset_get_n_repos (dataset);

  g_string_append (buffer, "repoType,repoName,total,timestamp,downloads\n");
  for (guint r = 0; r < n; r++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, r);
      g_autoptr(GString) prefix = g_string_new (NULL);

      append_field (prefix, repo->type);
      g_string_append_c (prefix, ',');
      append_field (prefix, repo->name);
      g_string_append_printf (prefix, ",%" G_GINT64_FORMAT ",", repo->total);

      for (guint i = 0; i < repo->n_days; i++)
        {
          char day[HUB_DAY_ISO_LEN];
          gint64 count = repo->cum[i] - (i ? repo->cum[i - 1] : 0);

          hub_day_format (repo->days[i], day);
          g_string_append_len (buffer, prefix->str, (gssize) prefix->len);
          g_string_append_printf (buffer, "%sT00:00:00.000Z,%" G_GINT64_FORMAT "\n", day, count);
          if (!flush (buffer, out, FALSE, cancellable, error))
            return FALSE;
        }
    }
  return flush (buffer, out, TRUE, cancellable, error);
}

char *
hub_csv_format_change (HubChange change)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (change.kind != HUB_CHANGE_RATIO)
    return g_strdup (change.kind == HUB_CHANGE_NONE ? "0" : "");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", change.ratio));
}

gboolean
hub_csv_write_table (HubDataset     *dataset,
                     const guint    *indexes,
                     guint           n_indexes,
                     const HubSpan  *span,
                     GOutputStream  *out,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  HubDay as_of = hub_dataset_get_as_of (dataset);

  g_string_append (buffer,
                   "repoType,repoName,periodDownloads,allTime,lastMonth,previousMonth,change\n");
  for (guint i = 0; i < n_indexes; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, indexes[i]);
      gint64 downloads = hub_repo_span_downloads (repo, span);
      g_autofree char *change = hub_span_has_change (span)
        ? hub_csv_format_change (hub_span_change (span, downloads, hub_repo_span_compared (repo, span)))
        : g_strdup ("");

      append_field (buffer, repo->type);
      g_string_append_c (buffer, ',');
      append_field (buffer, repo->name);
      g_string_append_printf (buffer,
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%s\n",
                              downloads,
                              hub_repo_all_time (repo),
                              hub_repo_last_month (repo, as_of),
                              hub_repo_previous_month (repo, as_of),
                              change);
      if (!flush (buffer, out, FALSE, cancellable, error))
        return FALSE;
    }
  return flush (buffer, out, TRUE, cancellable, error);
}

/* g_file_replace() writes beside the destination and renames on a clean
 * close; a close with a cancelled cancellable removes the temporary file, so
 * a failed export never leaves half a file. */
gboolean
hub_csv_export (HubDataset     *dataset,
                HubExportKind   kind,
                const guint    *indexes,
                guint           n_indexes,
                const HubSpan  *span,
                GFile          *destination,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(HubAtomicFile) file = NULL;
  g_autoptr(GFileOutputStream) replace = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  GOutputStream *out;
  gboolean ok;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  /* A local file is written unnamed and named only when complete, so that
   * neither a failed export nor a killed app leaves part of a file; another
   * location through GIO's own replacement. */
  path = g_file_get_path (destination);
  if (path != NULL)
    {
      file = hub_atomic_file_new (path, 0666, error);
      if (file == NULL)
        return FALSE;
      out = hub_atomic_file_get_stream (file);
    }
  else
    {
      replace = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
      if (replace == NULL)
        return FALSE;
      out = G_OUTPUT_STREAM (replace);
    }

  if (kind == HUB_EXPORT_BREAKDOWN)
    ok = hub_csv_write_breakdown (dataset, out, cancellable, error);
  else
    ok = hub_csv_write_table (dataset, indexes, n_indexes, span, out, cancellable, error);

  if (file != NULL)
    return ok && hub_atomic_file_commit (file, error);
  if (ok)
    return g_output_stream_close (out, cancellable, error);
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (out, abandon, NULL);
  return FALSE;
}

char *
hub_csv_suggested_name (const char    *source,
                        HubExportKind  kind,
                        HubDay         as_of)
{
  const char *what = kind == HUB_EXPORT_TABLE ? "repositories" : "downloads";
  g_autofree char *base = NULL;
  char day[HUB_DAY_ISO_LEN];

  base = g_strdup (source != NULL && *source ? source : "demo");
  if (g_str_has_suffix (base, ".csv"))
    base[strlen (base) - 4] = '\0';
  g_strdelimit (base, "/\\:", '-');
  if (as_of == HUB_DAY_NONE)
    return g_strdup_printf ("%s-%s.csv", base, what);
  hub_day_format (as_of, day);
  return g_strdup_printf ("%s-%s-%s.csv", base, what, day);
}

/* One field as the exports write it, for writers of other tables. */
void
hub_csv_append_field (GString    *line,
                      const char *text)
{
  g_return_if_fail (line != NULL && text != NULL);

  append_field (line, text);
}
