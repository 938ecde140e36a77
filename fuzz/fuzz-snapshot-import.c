/* fuzz-snapshot-import.c: libFuzzer target for the importer of snapshot CSV files
 *
 * The input is a file's text; its first byte picks the file's name (with a
 * day, a month, none, a type). An accepted file must give a consistent
 * preview: counts that add up, snapshots sorted and whole. Read twice into
 * one preview, every row the first reading kept must come back as repeated
 * or conflicting, and every unknown row as unknown again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hub-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *const names[] = {
  "models-2026-11-01.csv",
  "datasets_2026_11.csv",
  "snapshot-20261101.csv",
  "spaces.csv",
};

static void
check_preview (HubImportPreview *preview)
{
  guint rows = 0;
  guint kinds[3] = { 0 };

  for (guint i = 0; i < preview->files->len; i++)
    rows += ((HubImportFile *) g_ptr_array_index (preview->files, i))->rows;
  g_assert_cmpuint (rows, ==, preview->rows);
  for (guint i = 0; i < preview->issues->len; i++)
    kinds[((HubImportIssue *) g_ptr_array_index (preview->issues, i))->kind]++;
  g_assert_cmpuint (kinds[HUB_IMPORT_ISSUE_UNKNOWN], ==, preview->unknown);
  g_assert_cmpuint (kinds[HUB_IMPORT_ISSUE_REPEATED], ==, preview->repeated);
  g_assert_cmpuint (kinds[HUB_IMPORT_ISSUE_CONFLICTING], ==, preview->conflicting);
  g_assert_cmpuint (preview->unknown + preview->repeated + preview->conflicting, <=, preview->rows);

  for (guint i = 0; i < preview->snapshots->len; i++)
    {
      const HubImportSnapshot *snapshot = g_ptr_array_index (preview->snapshots, i);

      g_assert_cmpuint (snapshot->figures->len, >, 0);
      g_assert_cmpint (snapshot->day, >=, HUB_DAY_FIRST);
      g_assert_cmpint (snapshot->day, <=, HUB_DAY_LAST);
      if (i > 0)
        {
          const HubImportSnapshot *before = g_ptr_array_index (preview->snapshots, i - 1);
          int order = strcmp (before->author, snapshot->author);

          g_assert_true (order < 0 || (order == 0 && before->day < snapshot->day));
        }
      for (guint f = 0; f < snapshot->figures->len; f++)
        {
          const HubImportFigures *figures = g_ptr_array_index (snapshot->figures, f);

          g_assert_true (g_str_has_prefix (figures->name, snapshot->author));
          g_assert_cmpint (figures->name[strlen (snapshot->author)], ==, '/');
          g_assert_cmpint (figures->downloads, >=, -1);
          g_assert_cmpint (figures->downloads_all_time, >=, -1);
          g_assert_cmpint (figures->likes, >=, -1);
          g_assert_true (figures->downloads >= 0 || figures->downloads_all_time >= 0 ||
                         figures->likes >= 0);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HubImportPreview) once = hub_import_preview_new ();
  g_autoptr(HubImportPreview) twice = hub_import_preview_new ();
  g_autoptr(GError) error = NULL;
  const char *name;
  const char *text;
  gsize len;

  if (size == 0)
    return 0;
  name = names[data[0] % G_N_ELEMENTS (names)];
  text = (const char *) data + 1;
  len = size - 1;

  if (!hub_import_preview_add_file (once, name, text, len, &error))
    {
      /* Refused: with the file's name, and the same way every time. */
      g_autoptr(GError) again = NULL;

      g_assert_nonnull (strstr (error->message, name));
      g_assert_false (hub_import_preview_add_file (twice, name, text, len, &again));
      g_assert_true (g_error_matches (again, error->domain, error->code));
      g_assert_cmpstr (again->message, ==, error->message);
      return 0;
    }
  g_assert_true (hub_import_preview_add_file (twice, name, text, len, &error));
  g_assert_true (hub_import_preview_add_file (twice, name, text, len, &error));

  g_assert_cmpuint (twice->rows, ==, 2 * once->rows);
  g_assert_cmpuint (twice->unknown, ==, 2 * once->unknown);
  g_assert_cmpuint (twice->repeated + twice->conflicting, ==,
                    once->repeated + once->conflicting + once->rows - once->unknown);

  hub_import_preview_finish (once);
  hub_import_preview_finish (twice);
  check_preview (once);
  check_preview (twice);
  g_assert_cmpuint (twice->snapshots->len, ==, once->snapshots->len);
  return 0;
}
