/* hub-snapshot-import.c: folders of snapshot CSV files, as community scrapers write them
 *
 * People who wanted a history before Hub Analytics kept one scraped the
 * Hub's listings into CSV files, a file a day or a month, with columns
 * named as each project liked. The columns are recognised by name, the
 * repository from its id or address, the day from a column or the file's
 * name. Nothing is merged silently: a row repeating a repository and day
 * with the same figures is counted once and reported, with other figures
 * it is reported and left out, and a row whose repository cannot be told
 * is reported and left out. libcsv reads the records; each physical line
 * goes to it alone, so that errors name the line where a record starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-parser-private.h"
#include "hub-snapshot-import.h"

G_DEFINE_QUARK (hub-import-error-quark, hub_import_error)

/* Header names, lower case without '_', '-', '.' or spaces. */
static const struct
{
  const char          *name;
  HubImportColumnRole  role;
} known_columns[] = {
  { "id", HUB_IMPORT_COLUMN_REPO },
  { "repoid", HUB_IMPORT_COLUMN_REPO },
  { "repo", HUB_IMPORT_COLUMN_REPO },
  { "repository", HUB_IMPORT_COLUMN_REPO },
  { "reponame", HUB_IMPORT_COLUMN_REPO },
  { "modelid", HUB_IMPORT_COLUMN_REPO },
  { "datasetid", HUB_IMPORT_COLUMN_REPO },
  { "spaceid", HUB_IMPORT_COLUMN_REPO },
  { "model", HUB_IMPORT_COLUMN_REPO },
  { "dataset", HUB_IMPORT_COLUMN_REPO },
  { "name", HUB_IMPORT_COLUMN_REPO },
  { "url", HUB_IMPORT_COLUMN_REPO },
  { "repourl", HUB_IMPORT_COLUMN_REPO },
  { "link", HUB_IMPORT_COLUMN_REPO },
  { "repotype", HUB_IMPORT_COLUMN_TYPE },
  { "type", HUB_IMPORT_COLUMN_TYPE },
  { "kind", HUB_IMPORT_COLUMN_TYPE },
  { "downloads", HUB_IMPORT_COLUMN_DOWNLOADS },
  { "downloads30d", HUB_IMPORT_COLUMN_DOWNLOADS },
  { "downloadslastmonth", HUB_IMPORT_COLUMN_DOWNLOADS },
  { "monthlydownloads", HUB_IMPORT_COLUMN_DOWNLOADS },
  { "downloadsalltime", HUB_IMPORT_COLUMN_ALL_TIME },
  { "alltimedownloads", HUB_IMPORT_COLUMN_ALL_TIME },
  { "totaldownloads", HUB_IMPORT_COLUMN_ALL_TIME },
  { "total", HUB_IMPORT_COLUMN_ALL_TIME },
  { "likes", HUB_IMPORT_COLUMN_LIKES },
  { "date", HUB_IMPORT_COLUMN_DAY },
  { "day", HUB_IMPORT_COLUMN_DAY },
  { "snapshotdate", HUB_IMPORT_COLUMN_DAY },
  { "timestamp", HUB_IMPORT_COLUMN_DAY },
  { "scrapedat", HUB_IMPORT_COLUMN_DAY },
  { "fetchedat", HUB_IMPORT_COLUMN_DAY },
};

#define N_ROLES (HUB_IMPORT_COLUMN_DAY + 1)

/* A row accepted so far, keyed by type, name and day. */
typedef struct
{
  HubImportFigures  figures;
  HubDay            day;
  char             *file;
  guint             line;
  gboolean          conflicting;
} Seen;

typedef struct
{
  HubImportPreview *preview;
  HubImportFile    *file;
  struct csv_parser csv;
  GPtrArray        *fields;
  guint             line;          /* the physical line being fed */
  guint             record_line;   /* where the current record started */
  gboolean          in_record;
  int               index[N_ROLES]; /* field index of each role, -1 when absent */
  const char       *default_type;
  GError           *error;
} Reader;

const char *
hub_import_column_role_name (HubImportColumnRole role)
{
  switch (role)
    {
    case HUB_IMPORT_COLUMN_REPO:
      return _("repository");
    case HUB_IMPORT_COLUMN_TYPE:
      return _("type");
    case HUB_IMPORT_COLUMN_DOWNLOADS:
      return _("downloads (30 days)");
    case HUB_IMPORT_COLUMN_ALL_TIME:
      return _("all-time downloads");
    case HUB_IMPORT_COLUMN_LIKES:
      return _("likes");
    case HUB_IMPORT_COLUMN_DAY:
      return _("day");
    case HUB_IMPORT_COLUMN_IGNORED:
    default:
      return _("ignored");
    }
}

static void
column_free (HubImportColumn *column)
{
  g_free (column->header);
  g_free (column);
}

static void
file_free (HubImportFile *file)
{
  g_free (file->name);
  g_ptr_array_unref (file->columns);
  g_free (file);
}

static void
issue_free (HubImportIssue *issue)
{
  g_free (issue->file);
  g_free (issue->repo);
  g_free (issue->other_file);
  g_free (issue);
}

static void
figures_clear (HubImportFigures *figures)
{
  g_free (figures->type);
  g_free (figures->name);
}

static void
figures_free (HubImportFigures *figures)
{
  figures_clear (figures);
  g_free (figures);
}

static void
snapshot_free (HubImportSnapshot *snapshot)
{
  g_free (snapshot->author);
  g_ptr_array_unref (snapshot->figures);
  g_free (snapshot);
}

static void
seen_free (Seen *seen)
{
  figures_clear (&seen->figures);
  g_free (seen->file);
  g_free (seen);
}

HubImportPreview *
hub_import_preview_new (void)
{
  HubImportPreview *preview = g_new0 (HubImportPreview, 1);

  preview->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_free);
  preview->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  preview->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  preview->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) seen_free);
  return preview;
}

void
hub_import_preview_free (HubImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_ptr_array_unref (preview->files);
  g_ptr_array_unref (preview->snapshots);
  g_ptr_array_unref (preview->issues);
  g_clear_pointer (&preview->seen, g_hash_table_unref);
  g_free (preview);
}

/* Recognising what a file holds */

static HubImportColumnRole
role_of (const char *header)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    if (*p != '_' && *p != '-' && *p != '.' && *p != ' ')
      g_string_append_c (key, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (known_columns); i++)
    if (g_str_equal (key->str, known_columns[i].name))
      return known_columns[i].role;
  return HUB_IMPORT_COLUMN_IGNORED;
}

static gboolean
parse_digits (const char *text,
              gsize       len,
              int        *out)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* The first YYYY-MM-DD (or YYYYMMDD, or with '_') in a file's name, else
 * the first YYYY-MM not followed by a day, taken as the month's first day. */
static HubDay
day_from_name (const char *name)
{
  gsize len = strlen (name);

  for (gsize i = 0; i + 8 <= len; i++)
    {
      int y, m, d;
      gsize at = i + 4;

      if (i > 0 && g_ascii_isdigit (name[i - 1]))
        continue;
      if (!parse_digits (name + i, 4, &y))
        continue;
      if (at < len && (name[at] == '-' || name[at] == '_'))
        at++;
      if (at + 2 > len || !parse_digits (name + at, 2, &m))
        continue;
      at += 2;
      if (at < len && (name[at] == '-' || name[at] == '_') && at + 3 <= len &&
          parse_digits (name + at + 1, 2, &d) && (at + 3 == len || !g_ascii_isdigit (name[at + 3])) &&
          hub_day_is_valid_date (y, m, d))
        return hub_day_from_ymd (y, m, d);
      if (at + 2 <= len && at == i + 6 && parse_digits (name + at, 2, &d) &&
          (at + 2 == len || !g_ascii_isdigit (name[at + 2])) && hub_day_is_valid_date (y, m, d))
        return hub_day_from_ymd (y, m, d);
    }
  for (gsize i = 0; i + 7 <= len; i++)
    {
      int y, m;

      if ((i > 0 && g_ascii_isdigit (name[i - 1])) || !parse_digits (name + i, 4, &y) ||
          (name[i + 4] != '-' && name[i + 4] != '_') || !parse_digits (name + i + 5, 2, &m) ||
          (i + 7 < len && g_ascii_isdigit (name[i + 7])) ||
          (i + 8 < len && (name[i + 7] == '-' || name[i + 7] == '_') &&
           g_ascii_isdigit (name[i + 8])) ||
          !hub_day_is_valid_date (y, m, 1))
        continue;
      return hub_day_from_ymd (y, m, 1);
    }
  return HUB_DAY_NONE;
}

static const char *
type_from_word (const char *word)
{
  if (g_ascii_strcasecmp (word, "model") == 0 || g_ascii_strcasecmp (word, "models") == 0)
    return "model";
  if (g_ascii_strcasecmp (word, "dataset") == 0 || g_ascii_strcasecmp (word, "datasets") == 0)
    return "dataset";
  if (g_ascii_strcasecmp (word, "space") == 0 || g_ascii_strcasecmp (word, "spaces") == 0)
    return "space";
  return NULL;
}

/* A file of datasets or spaces often says so in its name only. */
static const char *
type_from_file_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (strstr (lower, "dataset") != NULL)
    return "dataset";
  if (strstr (lower, "space") != NULL)
    return "space";
  return "model";
}

static gboolean
is_name_part (const char *part)
{
  if (*part == '\0' || strlen (part) > 96)
    return FALSE;
  for (const char *p = part; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* "owner/name", "datasets/owner/name" or the repository's address on any
 * Hub; *type is set when the address says it. */
static gboolean
parse_repo (const char  *text,
            const char **type,
            char       **owner,
            char       **name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) parts = NULL;
  const char *path = trimmed;
  guint first = 0;
  guint n;

  if (g_str_has_prefix (trimmed, "https://") || g_str_has_prefix (trimmed, "http://"))
    {
      uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
      if (uri == NULL)
        return FALSE;
      path = g_uri_get_path (uri);
      while (*path == '/')
        path++;
    }
  parts = g_strsplit (path, "/", -1);
  n = g_strv_length (parts);
  if (n >= 1 && (g_str_equal (parts[0], "datasets") || g_str_equal (parts[0], "spaces") ||
                 g_str_equal (parts[0], "models")))
    {
      *type = type_from_word (parts[0]);
      first = 1;
    }
  /* An address may go on to a file or a tab of the repository. */
  if (n < first + 2 || (uri == NULL && n != first + 2) ||
      !is_name_part (parts[first]) || !is_name_part (parts[first + 1]))
    return FALSE;
  *owner = g_strdup (parts[first]);
  *name = g_strconcat (parts[first], "/", parts[first + 1], NULL);
  return TRUE;
}

/* A count as the breakdown's (hub_parse_count()); an empty field is a
 * figure the file does not give. */
static gboolean
parse_count (const char *text,
             gint64     *out)
{
  HubParseError code;

  if (*text == '\0')
    {
      *out = -1;
      return TRUE;
    }
  return hub_parse_count (text, strlen (text), out, &code);
}

static const char *
header_of (Reader *reader,
           int     index)
{
  HubImportColumn *column = g_ptr_array_index (reader->file->columns, (guint) index);

  return column->header;
}

static void
add_issue (Reader             *reader,
           HubImportIssueKind  kind,
           const char         *repo,
           HubDay              day,
           const Seen         *first)
{
  HubImportIssue *issue = g_new0 (HubImportIssue, 1);

  issue->kind = kind;
  issue->file = g_strdup (reader->file->name);
  issue->line = reader->record_line;
  issue->repo = g_strdup (repo);
  issue->day = day;
  if (first != NULL)
    {
      issue->other_file = g_strdup (first->file);
      issue->other_line = first->line;
    }
  g_ptr_array_add (reader->preview->issues, issue);
  switch (kind)
    {
    case HUB_IMPORT_ISSUE_UNKNOWN:
      reader->preview->unknown++;
      break;
    case HUB_IMPORT_ISSUE_REPEATED:
      reader->preview->repeated++;
      break;
    case HUB_IMPORT_ISSUE_CONFLICTING:
    default:
      reader->preview->conflicting++;
      break;
    }
}

static gboolean
read_header (Reader *reader)
{
  guint repo_or_figures = 0;

  for (guint i = 0; i < reader->fields->len; i++)
    {
      HubImportColumn *column = g_new0 (HubImportColumn, 1);
      const char *header = g_ptr_array_index (reader->fields, i);

      /* A UTF-8 BOM before the first header. */
      if (i == 0 && g_str_has_prefix (header, "\xef\xbb\xbf"))
        header += 3;
      column->header = g_strdup (header);
      column->role = role_of (header);
      /* The first column of a role is the one read. */
      if (column->role != HUB_IMPORT_COLUMN_IGNORED && reader->index[column->role] < 0)
        reader->index[column->role] = (int) i;
      else
        column->role = HUB_IMPORT_COLUMN_IGNORED;
      g_ptr_array_add (reader->file->columns, column);
    }

  if (reader->index[HUB_IMPORT_COLUMN_REPO] < 0)
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s, line 1: no column names the repository (such as “id” or “url”)"),
                   reader->file->name);
      return FALSE;
    }
  repo_or_figures = (reader->index[HUB_IMPORT_COLUMN_DOWNLOADS] >= 0) +
                    (reader->index[HUB_IMPORT_COLUMN_ALL_TIME] >= 0) +
                    (reader->index[HUB_IMPORT_COLUMN_LIKES] >= 0);
  if (repo_or_figures == 0)
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_MISSING_COLUMN,
                   _("%s, line 1: no column of downloads, downloadsAllTime or likes"),
                   reader->file->name);
      return FALSE;
    }
  if (reader->index[HUB_IMPORT_COLUMN_DAY] < 0 && reader->file->day == HUB_DAY_NONE)
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_NO_DAY,
                   _("%s: neither the file’s name nor a column (such as “date”) says the day "
                     "of its snapshot"), reader->file->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
figures_equal (const HubImportFigures *a,
               const HubImportFigures *b)
{
  return a->downloads == b->downloads && a->downloads_all_time == b->downloads_all_time &&
         a->likes == b->likes;
}

static const char *
field (Reader *reader,
       int     role)
{
  return reader->index[role] >= 0 ? g_ptr_array_index (reader->fields, (guint) reader->index[role])
                                  : NULL;
}

static gboolean
read_row (Reader *reader)
{
  static const HubImportColumnRole counts[] = {
    HUB_IMPORT_COLUMN_DOWNLOADS, HUB_IMPORT_COLUMN_ALL_TIME, HUB_IMPORT_COLUMN_LIKES,
  };
  HubImportFigures figures = { NULL, NULL, -1, -1, -1 };
  gint64 *targets[] = { &figures.downloads, &figures.downloads_all_time, &figures.likes };
  g_autofree char *owner = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  const char *repo = field (reader, HUB_IMPORT_COLUMN_REPO);
  const char *type_text = field (reader, HUB_IMPORT_COLUMN_TYPE);
  const char *day_text = field (reader, HUB_IMPORT_COLUMN_DAY);
  const char *type = NULL;
  HubDay day = reader->file->day;
  Seen *seen;

  /* A blank line inside the file is no record. */
  if (reader->fields->len == 1 && *(const char *) g_ptr_array_index (reader->fields, 0) == '\0')
    return TRUE;
  if (reader->fields->len < reader->file->columns->len)
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_SHORT_ROW,
                   _("%s, line %u: the row ends before column %s"),
                   reader->file->name, reader->record_line,
                   header_of (reader, (int) reader->fields->len));
      return FALSE;
    }
  reader->file->rows++;
  reader->preview->rows++;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      const char *text = field (reader, counts[i]);

      if (text != NULL && !parse_count (text, targets[i]))
        {
          g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_BAD_COUNT,
                       _("%s, line %u, column %s: “%s” is not a whole number"),
                       reader->file->name, reader->record_line,
                       header_of (reader, reader->index[counts[i]]), text);
          return FALSE;
        }
    }
  if (day_text != NULL && *day_text != '\0' &&
      !hub_day_parse_timestamp (day_text, strlen (day_text), &day))
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_BAD_DATE,
                   _("%s, line %u, column %s: “%s” is not a date"),
                   reader->file->name, reader->record_line,
                   header_of (reader, reader->index[HUB_IMPORT_COLUMN_DAY]), day_text);
      return FALSE;
    }
  if (day == HUB_DAY_NONE)
    {
      g_set_error (&reader->error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_BAD_DATE,
                   _("%s, line %u, column %s: the day is missing"),
                   reader->file->name, reader->record_line,
                   header_of (reader, reader->index[HUB_IMPORT_COLUMN_DAY]));
      return FALSE;
    }

  if (!parse_repo (repo, &type, &owner, &name) ||
      (figures.downloads < 0 && figures.downloads_all_time < 0 && figures.likes < 0))
    {
      add_issue (reader, HUB_IMPORT_ISSUE_UNKNOWN, repo, HUB_DAY_NONE, NULL);
      return TRUE;
    }
  if (type_text != NULL && type_from_word (type_text) != NULL)
    type = type_from_word (type_text);
  if (type == NULL)
    type = reader->default_type;

  key = g_strdup_printf ("%s\n%s\n%d", type, name, day);
  seen = g_hash_table_lookup (reader->preview->seen, key);
  figures.type = (char *) type;
  figures.name = name;
  if (seen != NULL)
    {
      if (figures_equal (&seen->figures, &figures))
        add_issue (reader, HUB_IMPORT_ISSUE_REPEATED, repo, day, seen);
      else
        {
          add_issue (reader, HUB_IMPORT_ISSUE_CONFLICTING, repo, day, seen);
          seen->conflicting = TRUE;
        }
      return TRUE;
    }

  seen = g_new0 (Seen, 1);
  seen->figures = figures;
  seen->figures.type = g_strdup (type);
  seen->figures.name = g_steal_pointer (&name);
  seen->day = day;
  seen->file = g_strdup (reader->file->name);
  seen->line = reader->record_line;
  g_hash_table_insert (reader->preview->seen, g_steal_pointer (&key), seen);
  return TRUE;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *reader = user_data;

  g_ptr_array_add (reader->fields, g_strndup (data ? data : "", len));
}

static void
record_cb (int   c,
           void *user_data)
{
  Reader *reader = user_data;

  reader->in_record = FALSE;
  if (reader->error == NULL)
    {
      if (reader->file->columns->len == 0)
        read_header (reader);
      else
        read_row (reader);
    }
  g_ptr_array_set_size (reader->fields, 0);
}

static gboolean
is_blank_line (const char *line,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

/* Reads one file's text into the preview. Refused whole, with the file's
 * name, the line and the column, when it is not such a file. */
gboolean
hub_import_preview_add_file (HubImportPreview  *preview,
                             const char        *name,
                             const char        *data,
                             gsize              len,
                             GError           **error)
{
  Reader reader = { 0 };
  gsize at = 0;
  gboolean ok;

  g_return_val_if_fail (preview != NULL && name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_NOT_CSV,
                   _("%s is not a CSV file of snapshots: it is not text"), name);
      return FALSE;
    }

  reader.preview = preview;
  reader.file = g_new0 (HubImportFile, 1);
  reader.file->name = g_path_get_basename (name);
  reader.file->day = day_from_name (reader.file->name);
  reader.file->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  reader.fields = g_ptr_array_new_with_free_func (g_free);
  reader.default_type = type_from_file_name (reader.file->name);
  for (guint i = 0; i < N_ROLES; i++)
    reader.index[i] = -1;
  csv_init (&reader.csv, CSV_APPEND_NULL);

  for (reader.line = 1; at < len && reader.error == NULL; reader.line++)
    {
      const char *end = memchr (data + at, '\n', len - at);
      gsize line_len = end ? (gsize) (end - (data + at)) + 1 : len - at;

      /* libcsv passes over blank lines between records. */
      if (!reader.in_record && !is_blank_line (data + at, line_len))
        {
          reader.record_line = reader.line;
          reader.in_record = TRUE;
        }
      if (csv_parse (&reader.csv, data + at, line_len, field_cb, record_cb, &reader) != line_len)
        g_set_error (&reader.error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_NOT_CSV,
                     _("%s, line %u: %s"), reader.file->name, reader.line,
                     csv_strerror (csv_error (&reader.csv)));
      at += line_len;
    }
  if (reader.error == NULL)
    csv_fini (&reader.csv, field_cb, record_cb, &reader);
  csv_free (&reader.csv);
  g_ptr_array_unref (reader.fields);

  if (reader.error == NULL && reader.file->columns->len == 0)
    g_set_error (&reader.error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_NOT_CSV,
                 _("%s is empty: a snapshot file starts with a header"), reader.file->name);

  ok = reader.error == NULL;
  if (ok)
    g_ptr_array_add (preview->files, reader.file);
  else
    {
      file_free (reader.file);
      g_propagate_error (error, reader.error);
    }
  return ok;
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  const HubImportSnapshot *x = *(HubImportSnapshot * const *) a;
  const HubImportSnapshot *y = *(HubImportSnapshot * const *) b;
  int by_author = strcmp (x->author, y->author);

  return by_author != 0 ? by_author : (x->day > y->day) - (x->day < y->day);
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const HubImportFigures *x = *(HubImportFigures * const *) a;
  const HubImportFigures *y = *(HubImportFigures * const *) b;
  int by_type = strcmp (x->type, y->type);

  return by_type != 0 ? by_type : strcmp (x->name, y->name);
}

/* Makes the snapshots (an author and a day each) of the rows read, without
 * the conflicting ones. Once every file is in. */
void
hub_import_preview_finish (HubImportPreview *preview)
{
  g_autoptr(GHashTable) snapshots = NULL;
  GHashTableIter iter;
  Seen *seen;

  g_return_if_fail (preview != NULL && preview->seen != NULL);

  snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, preview->seen);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &seen))
    {
      g_autofree char *author = g_strndup (seen->figures.name, strcspn (seen->figures.name, "/"));
      g_autofree char *key = g_strdup_printf ("%s\n%d", author, seen->day);
      HubImportSnapshot *snapshot = g_hash_table_lookup (snapshots, key);
      HubImportFigures *figures;

      if (seen->conflicting)
        continue;
      if (snapshot == NULL)
        {
          snapshot = g_new0 (HubImportSnapshot, 1);
          snapshot->author = g_steal_pointer (&author);
          snapshot->day = seen->day;
          snapshot->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);
          g_ptr_array_add (preview->snapshots, snapshot);
          g_hash_table_insert (snapshots, g_steal_pointer (&key), snapshot);
        }
      figures = g_new0 (HubImportFigures, 1);
      *figures = seen->figures;
      figures->type = g_strdup (seen->figures.type);
      figures->name = g_strdup (seen->figures.name);
      g_ptr_array_add (snapshot->figures, figures);
    }
  for (guint i = 0; i < preview->snapshots->len; i++)
    g_ptr_array_sort (((HubImportSnapshot *) g_ptr_array_index (preview->snapshots, i))->figures,
                      compare_figures);
  g_ptr_array_sort (preview->snapshots, compare_snapshots);
  g_clear_pointer (&preview->seen, g_hash_table_unref);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every .csv file of folder, read in the order of their names. */
HubImportPreview *
hub_import_preview_folder (GFile         *folder,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(HubImportPreview) preview = hub_import_preview_new ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  shown = g_file_get_parse_name (folder);
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      g_set_error (error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_READ,
                   _("Could not read the folder %s: %s"), shown, local_error->message);
      return NULL;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (lower, ".csv"))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_set_error (error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_READ,
                   _("Could not read the folder %s: %s"), shown, local_error->message);
      return NULL;
    }
  if (names->len == 0)
    {
      g_set_error (error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_NO_FILES,
                   _("The folder %s has no CSV file of snapshots"), shown);
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(GBytes) bytes = NULL;
      gsize len;
      const char *data;

      bytes = g_file_load_bytes (child, cancellable, NULL, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, HUB_IMPORT_ERROR, HUB_IMPORT_ERROR_READ,
                       _("Could not read %s: %s"), (const char *) g_ptr_array_index (names, i),
                       local_error->message);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &len);
      if (!hub_import_preview_add_file (preview, g_ptr_array_index (names, i), data, len, error))
        return NULL;
    }
  hub_import_preview_finish (preview);
  return g_steal_pointer (&preview);
}
