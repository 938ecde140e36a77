/* hub-parser.c: the streaming download-breakdown parser, on libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-dataset-private.h"
#include "hub-parser-private.h"

/* libcsv is handed at most this much at a time, so that the limits below are
 * checked before a runaway field has eaten much memory. */
#define PARSE_SLICE (64 * 1024)
/* A first line longer than this is no breakdown header: a web page or a
 * binary file, which could otherwise be read whole into one field. */
#define HEADER_MAX_BYTES (64 * 1024)
/* No real field comes near this; a longer one is a quote left open, which
 * would swallow the rest of the file. */
#define FIELD_MAX_BYTES (1024 * 1024)
/* libcsv grows its field buffer by this much (its default, 128, makes a long
 * field cost thousands of reallocations). */
#define CSV_BLOCK_SIZE 4096
#define MAX_SHOWN_VALUE 40

static const char utf8_bom[3] = { '\xEF', '\xBB', '\xBF' };

typedef enum
{
  ROLE_IGNORE,
  ROLE_TYPE,
  ROLE_NAME,
  ROLE_TOTAL,
  ROLE_TIMESTAMP,
  ROLE_DOWNLOADS,
  N_ROLES
} Role;

static const char * const role_names[N_ROLES] = {
  NULL, "repoType", "repoName", "total", "timestamp", "downloads",
};

struct _HubParser
{
  struct csv_parser  csv;
  char              *source_name;
  HubProgress       *progress;
  HubDatasetBuilder *builder;

  /* The header: the role of each column, and where each role is. */
  gboolean           have_header;
  GPtrArray         *header;
  guint8            *roles;
  guint              n_roles;
  guint              role_column[N_ROLES];
  guint              needed_fields;

  /* Rows without quotes are read by position, not by libcsv. */
  gboolean           plain_scanner;

  /* A byte order mark may open the input, split across feeds. */
  gboolean           bom_possible;
  guint              bom_matched;

  /* The record being read. */
  guint              field;
  guint64            line;            /* physical line where it starts, from 1 */
  guint              embedded_lines;  /* newlines inside its quoted fields */
  int                last_term;
  GString           *type;
  GString           *name;
  guint              type_newlines;   /* newlines inside type and name */
  guint              name_newlines;
  gboolean           same_repo;       /* type and name as in the previous row added */
  gint64             total;
  gint64             downloads;
  HubDay             day;
  HubDayCache        day_cache;

  guint64            bytes;
  guint64            rows_reported;

  /* The first error, kept in parts so that a parser that read the second half
   * of a file can report it at its line in the whole file. */
  gboolean           failed;
  HubParseError      error_code;
  guint64            error_line;
  Role               error_role;
  char              *error_value;
};

G_DEFINE_QUARK (hub-parse-error-quark, hub_parse_error)

static void
fail (HubParser     *self,
      HubParseError  code,
      Role           role,
      const char    *value,
      gsize          value_len)
{
  if (self->failed)
    return;
  self->failed = TRUE;
  self->error_code = code;
  self->error_line = self->line;
  self->error_role = role;
  if (value != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (value, (gssize) MIN (value_len, 4 * MAX_SHOWN_VALUE));

      if (g_utf8_strlen (valid, -1) > MAX_SHOWN_VALUE)
        {
          g_autofree char *cut = g_utf8_substring (valid, 0, MAX_SHOWN_VALUE);

          self->error_value = g_strconcat (cut, "…", NULL);
        }
      else
        self->error_value = g_steal_pointer (&valid);
    }
}

static GError *
make_error (HubParser *self,
            guint64    line_offset)
{
  const char *source = self->source_name;
  const char *column = role_names[self->error_role];
  const char *value = self->error_value ? self->error_value : "";
  gulong line = (gulong) (self->error_line + line_offset);
  HubParseError code = self->error_code;

  switch (code)
    {
    case HUB_PARSE_ERROR_EMPTY:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s is empty: a download breakdown starts with the line "
                            "“repoType,repoName,total,timestamp,downloads”"), source);
    case HUB_PARSE_ERROR_NOT_CSV:
      while (g_ascii_isspace (*value))
        value++;
      if (*value == '<')
        return g_error_new (HUB_PARSE_ERROR, code,
                            _("%s, line %lu: this is a web page, not a download breakdown "
                              "(a sign-in page or an error from the server?)"), source, line);
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu: this is not a download breakdown: the first line has "
                            "none of the columns repoType, repoName, total, timestamp and "
                            "downloads"), source, line);
    case HUB_PARSE_ERROR_MISSING_COLUMN:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu: the column “%s” is missing"), source, line, column);
    case HUB_PARSE_ERROR_SHORT_ROW:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu: the row ends before the column “%s”"),
                          source, line, column);
    case HUB_PARSE_ERROR_EMPTY_FIELD:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu, column “%s”: the value is empty"),
                          source, line, column);
    case HUB_PARSE_ERROR_BAD_COUNT:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu, column “%s”: “%s” is not a whole number of "
                            "downloads (digits only)"), source, line, column, value);
    case HUB_PARSE_ERROR_COUNT_TOO_LARGE:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu, column “%s”: %s is larger than the largest count "
                            "Hub Analytics can hold"), source, line, column, value);
    case HUB_PARSE_ERROR_BAD_DATE:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu, column “%s”: “%s” is not a valid date"),
                          source, line, column, value);
    case HUB_PARSE_ERROR_NOT_TEXT:
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu, column “%s”: “%s” is not valid UTF-8 text"),
                          source, line, column, value);
    case HUB_PARSE_ERROR_FIELD_TOO_LONG:
      if (column != NULL)
        return g_error_new (HUB_PARSE_ERROR, code,
                            _("%s, line %lu, column “%s”: the value runs on for more than a "
                              "megabyte (is a quotation mark left open?)"), source, line, column);
      return g_error_new (HUB_PARSE_ERROR, code,
                          _("%s, line %lu: a value runs on for more than a megabyte (is a "
                            "quotation mark left open?)"), source, line);
    case HUB_PARSE_ERROR_CSV:
    default:
      return g_error_new (HUB_PARSE_ERROR, HUB_PARSE_ERROR_CSV,
                          _("%s, line %lu: the file could not be read (%s)"),
                          source, line, value);
    }
}

static guint
count_newlines (const char *text,
                gsize       len)
{
  guint n = 0;

  for (const char *p = text; (p = memchr (p, '\n', len - (gsize) (p - text))) != NULL; p++)
    n++;
  return n;
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  HubParser *self = user_data;
  const char *text = data ? data : "";
  guint column = self->field++;
  Role role;

  if (G_UNLIKELY (self->failed))
    return;

  if (G_UNLIKELY (!self->have_header))
    {
      g_ptr_array_add (self->header, g_strndup (text, len));
      self->embedded_lines += count_newlines (text, len);
      return;
    }

  role = column < self->n_roles ? self->roles[column] : ROLE_IGNORE;
  switch (role)
    {
    case ROLE_TYPE:
    case ROLE_NAME:
      {
        GString *target = role == ROLE_TYPE ? self->type : self->name;
        guint *newlines = role == ROLE_TYPE ? &self->type_newlines : &self->name_newlines;

        if (len == 0)
          {
            fail (self, HUB_PARSE_ERROR_EMPTY_FIELD, role, NULL, 0);
            return;
          }
        /* Rows come grouped by repository: text equal to the previous row's
         * was checked then, and need not be copied again. */
        if (len != target->len || memcmp (target->str, text, len) != 0)
          {
            /* Names reach labels, JSON and the cache, which all need UTF-8;
             * this also refuses NUL bytes. */
            if (!g_utf8_validate_len (text, len, NULL))
              {
                fail (self, HUB_PARSE_ERROR_NOT_TEXT, role, text, len);
                return;
              }
            g_string_truncate (target, 0);
            g_string_append_len (target, text, (gssize) len);
            self->same_repo = FALSE;
            *newlines = G_UNLIKELY (memchr (text, '\n', len) != NULL) ? count_newlines (text, len) : 0;
          }
        self->embedded_lines += *newlines;
      }
      break;

    case ROLE_TOTAL:
    case ROLE_DOWNLOADS:
      {
        HubParseError code;

        if (!hub_parse_count (text, len, role == ROLE_TOTAL ? &self->total : &self->downloads, &code))
          fail (self, code, role, text, len);
      }
      break;

    case ROLE_TIMESTAMP:
      if (!hub_day_parse_timestamp_cached (&self->day_cache, text, len, &self->day))
        fail (self, HUB_PARSE_ERROR_BAD_DATE, role, text, len);
      break;

    case ROLE_IGNORE:
    case N_ROLES:
    default:
      if (G_UNLIKELY (memchr (text, '\n', len) != NULL))
        self->embedded_lines += count_newlines (text, len);
      break;
    }
}

/* Shows the start of the first line, where a web page says what it is. */
static void
fail_not_csv (HubParser *self)
{
  if (self->header->len > 0)
    {
      const char *first = g_ptr_array_index (self->header, 0);

      fail (self, HUB_PARSE_ERROR_NOT_CSV, ROLE_IGNORE, first, strlen (first));
    }
  else
    fail (self, HUB_PARSE_ERROR_NOT_CSV, ROLE_IGNORE,
          self->csv.entry_buf ? (const char *) self->csv.entry_buf : "", self->csv.entry_pos);
}

static void
read_header (HubParser *self)
{
  guint found = 0;

  self->n_roles = self->header->len;
  self->roles = g_new0 (guint8, MAX (self->n_roles, 1));
  for (guint r = 0; r < N_ROLES; r++)
    self->role_column[r] = G_MAXUINT;

  for (guint i = 0; i < self->header->len; i++)
    {
      const char *name = g_ptr_array_index (self->header, i);

      for (guint r = ROLE_TYPE; r < N_ROLES; r++)
        if (self->role_column[r] == G_MAXUINT && g_str_equal (name, role_names[r]))
          {
            self->role_column[r] = i;
            self->roles[i] = (guint8) r;
            self->needed_fields = MAX (self->needed_fields, i + 1);
            found++;
          }
    }

  if (found == 0)
    {
      fail_not_csv (self);
      return;
    }
  for (guint r = ROLE_TYPE; r < N_ROLES; r++)
    if (self->role_column[r] == G_MAXUINT)
      {
        fail (self, HUB_PARSE_ERROR_MISSING_COLUMN, r, NULL, 0);
        return;
      }
  self->have_header = TRUE;
}

static void
read_record (HubParser *self)
{
  gboolean added;

  if (G_UNLIKELY (self->field < self->needed_fields))
    {
      /* Name the first required column the row does not reach. */
      Role missing = ROLE_IGNORE;

      for (guint r = ROLE_TYPE; r < N_ROLES; r++)
        if (self->role_column[r] >= self->field &&
            (missing == ROLE_IGNORE || self->role_column[r] < self->role_column[missing]))
          missing = r;
      fail (self, HUB_PARSE_ERROR_SHORT_ROW, missing, NULL, 0);
      return;
    }

  if (self->same_repo)
    added = hub_dataset_builder_add_to_current (self->builder, self->total, self->day,
                                                self->downloads);
  else
    added = hub_dataset_builder_add (self->builder,
                                     self->type->str, self->type->len,
                                     self->name->str, self->name->len,
                                     self->total, self->day, self->downloads);
  /* Counts are digits and the date parser keeps days within years 1 … 9999:
   * the builder's gate refuses only what those checks would have. */
  if (!added)
    {
      fail (self, HUB_PARSE_ERROR_BAD_DATE, ROLE_TIMESTAMP, NULL, 0);
      return;
    }
  self->same_repo = TRUE;
}

static void
on_record (int   term,
           void *user_data)
{
  HubParser *self = user_data;
  guint fields = self->field;

  if (G_UNLIKELY (self->failed))
    return;

  /* CSV_REPALL_NL reports the LF of a CRLF as an empty record of its own. */
  if (fields == 0 && term == '\n' && self->last_term == '\r')
    {
      self->last_term = term;
      return;
    }
  self->last_term = term;

  if (fields > 0)
    {
      if (G_UNLIKELY (!self->have_header))
        read_header (self);
      else
        read_record (self);
    }

  if (!self->failed)
    {
      self->line += 1 + self->embedded_lines;
      self->embedded_lines = 0;
      self->field = 0;
    }
}

HubParser *
hub_parser_new (const char  *source_name,
                HubProgress *progress)
{
  HubParser *self = g_new0 (HubParser, 1);

  /* Every line ending is reported, so that physical lines can be counted. */
  csv_init (&self->csv, CSV_REPALL_NL);
  csv_set_blk_size (&self->csv, CSV_BLOCK_SIZE);
  self->source_name = g_strdup (source_name);
  self->progress = progress;
  self->builder = hub_dataset_builder_new ();
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->bom_possible = TRUE;
  self->plain_scanner = TRUE;
  self->line = 1;
  self->type = g_string_sized_new (16);
  self->name = g_string_sized_new (128);
  return self;
}

void
hub_parser_free (HubParser *self)
{
  if (self == NULL)
    return;
  csv_free (&self->csv);
  g_free (self->source_name);
  hub_dataset_builder_free (self->builder);
  g_ptr_array_unref (self->header);
  g_free (self->roles);
  g_string_free (self->type, TRUE);
  g_string_free (self->name, TRUE);
  g_free (self->error_value);
  g_free (self);
}

static void
report_progress (HubParser *self,
                 gsize      len)
{
  guint64 rows = hub_dataset_builder_get_rows (self->builder);

  self->bytes += len;
  if (self->progress == NULL)
    return;
  atomic_fetch_add_explicit (&self->progress->bytes, len, memory_order_relaxed);
  atomic_fetch_add_explicit (&self->progress->rows, rows - self->rows_reported,
                             memory_order_relaxed);
  self->rows_reported = rows;
}

static void
parse_slice (HubParser  *self,
             const char *data,
             gsize       len)
{
  if (csv_parse (&self->csv, data, len, on_field, on_record, self) != len && !self->failed)
    {
      const char *message = csv_strerror (csv_error (&self->csv));

      fail (self, HUB_PARSE_ERROR_CSV, ROLE_IGNORE, message, strlen (message));
    }
}

static void
check_limits (HubParser *self,
              guint64    parsed)
{
  if (self->failed)
    return;
  if (!self->have_header && parsed > HEADER_MAX_BYTES)
    fail_not_csv (self);
  else if (self->csv.entry_pos > FIELD_MAX_BYTES)
    {
      Role role = self->field < self->n_roles ? self->roles[self->field] : ROLE_IGNORE;

      fail (self, HUB_PARSE_ERROR_FIELD_TOO_LONG, role, NULL, 0);
    }
}

/* One field of a line without quotes, as libcsv gives it: spaces and tabs
 * around it are not part of it. */
static inline void
plain_field (HubParser  *self,
             const char *start,
             const char *end)
{
  while (start < end && (*start == ' ' || *start == '\t'))
    start++;
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  on_field ((void *) start, (size_t) (end - start), self);
}

/* The fast way (DESIGN.md, Budgets): whole lines without a quote or a
 * carriage return inside them are split at commas by position, with the
 * same callbacks and so the same checks as libcsv's records. Returns where
 * it stopped: the end of the data, a line that libcsv must read, or the
 * start of a line the data does not yet finish. */
static const char *
parse_plain_lines (HubParser  *self,
                   const char *p,
                   const char *end)
{
  while (p < end && !self->failed)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *stop = nl;
      gboolean crlf;

      if (nl == NULL)
        return p;
      crlf = stop > p && stop[-1] == '\r';
      if (crlf)
        stop--;
      /* libcsv also stops a field that runs on for more than a megabyte. */
      if ((gsize) (stop - p) > FIELD_MAX_BYTES || memchr (p, '"', (gsize) (stop - p)) != NULL ||
          memchr (p, '\r', (gsize) (stop - p)) != NULL)
        return p;

      for (const char *field = p;;)
        {
          const char *comma = memchr (field, ',', (gsize) (stop - field));

          if (comma == NULL)
            {
              /* A line of nothing but blanks is a record without fields. */
              if (field != p || strspn (p, " \t") < (gsize) (stop - p))
                plain_field (self, field, stop);
              break;
            }
          plain_field (self, field, comma);
          field = comma + 1;
        }
      /* libcsv ends a CRLF line's record at the CR and reports the LF alone. */
      if (crlf)
        on_record ('\r', self);
      on_record ('\n', self);
      p = nl + 1;
    }
  return p;
}

static gboolean
feed (HubParser  *self,
      const char *data,
      gsize       len)
{
  const char *p = data;
  gsize n = len;

  if (self->failed)
    return FALSE;

  /* A UTF-8 byte order mark opens some files; it is not part of the header,
   * and a stream may hand it over a byte at a time. */
  if (self->bom_possible)
    {
      while (n > 0 && self->bom_matched < sizeof utf8_bom && *p == utf8_bom[self->bom_matched])
        {
          p++;
          n--;
          self->bom_matched++;
        }
      if (self->bom_matched == sizeof utf8_bom)
        self->bom_possible = FALSE;
      else if (n > 0)
        {
          /* Not a byte order mark after all: what looked like one is data. */
          self->bom_possible = FALSE;
          parse_slice (self, utf8_bom, self->bom_matched);
        }
    }

  while (n > 0 && !self->failed)
    {
      const char *rest;
      const char *nl;
      gsize slice;

      /* Between records, whole lines without quotes go the fast way. */
      if (self->plain_scanner && self->have_header && self->csv.pstate == 0)
        {
          rest = parse_plain_lines (self, p, p + n);
          n -= (gsize) (rest - p);
          p = rest;
          if (n == 0 || self->failed)
            break;
        }
      /* libcsv takes the rest a line at a time, so that the fast way can
       * resume at the end of the record; a line never ends in the header's
       * or a runaway field's case, which the limits then stop. */
      slice = MIN (n, PARSE_SLICE);
      nl = self->plain_scanner && self->have_header ? memchr (p, '\n', slice) : NULL;
      if (nl != NULL)
        slice = (gsize) (nl - p) + 1;
      parse_slice (self, p, slice);
      p += slice;
      n -= slice;
      check_limits (self, self->bytes + (guint64) (p - data));
    }
  report_progress (self, len);
  return !self->failed;
}

gboolean
hub_parser_feed (HubParser   *self,
                 const char  *data,
                 gsize        len,
                 GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!feed (self, data, len))
    {
      g_propagate_error (error, make_error (self, 0));
      return FALSE;
    }
  return TRUE;
}

/* Ends the last record (a file may lack its final newline). */
static gboolean
end_input (HubParser *self)
{
  if (!self->failed && self->bom_possible && self->bom_matched > 0)
    parse_slice (self, utf8_bom, self->bom_matched);
  self->bom_possible = FALSE;
  if (!self->failed)
    csv_fini (&self->csv, on_field, on_record, self);
  if (!self->failed && !self->have_header)
    fail (self, HUB_PARSE_ERROR_EMPTY, ROLE_IGNORE, NULL, 0);
  report_progress (self, 0);
  return !self->failed;
}

HubDataset *
hub_parser_finish (HubParser  *self,
                   GError    **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!end_input (self))
    {
      g_propagate_error (error, make_error (self, 0));
      return NULL;
    }
  return hub_dataset_builder_finish (self->builder, error);
}

/* For the loader, which reads a file in two parts on two threads. */

HubParser *
hub_parser_new_continuation (HubParser *first)
{
  HubParser *self = hub_parser_new (first->source_name, first->progress);

  self->bom_possible = FALSE;
  self->have_header = TRUE;
  self->n_roles = first->n_roles;
  self->roles = g_memdup2 (first->roles, MAX (first->n_roles, 1));
  memcpy (self->role_column, first->role_column, sizeof self->role_column);
  self->needed_fields = first->needed_fields;
  self->plain_scanner = first->plain_scanner;
  return self;
}

void
hub_parser_set_plain_scanner (HubParser *self,
                              gboolean   plain)
{
  self->plain_scanner = plain;
}

gboolean
hub_parser_push (HubParser  *self,
                 const char *data,
                 gsize       len)
{
  return feed (self, data, len);
}

gboolean
hub_parser_end (HubParser *self)
{
  return end_input (self);
}

gboolean
hub_parser_failed (HubParser *self)
{
  return self->failed;
}

/* The header is read and no record is begun: a later part may start here. */
gboolean
hub_parser_at_record_start (HubParser *self)
{
  return self->have_header && !self->failed && self->csv.pstate == 0;
}

guint64
hub_parser_get_line (HubParser *self)
{
  return self->line;
}

GError *
hub_parser_get_error (HubParser *self,
                      guint64    line_offset)
{
  g_return_val_if_fail (self->failed, NULL);

  return make_error (self, line_offset);
}

/* Takes back the bytes and rows this parser reported, whose part is read
 * again by another. */
void
hub_parser_withdraw_progress (HubParser *self)
{
  if (self->progress == NULL)
    return;
  atomic_fetch_sub (&self->progress->bytes, self->bytes);
  atomic_fetch_sub (&self->progress->rows, self->rows_reported);
}

/* Moves the rows of second, the part after this parser's, into this one.
 * second reported its rows already: they are not reported again. */
void
hub_parser_absorb (HubParser *self,
                   HubParser *second)
{
  self->rows_reported += hub_dataset_builder_get_rows (second->builder);
  hub_dataset_builder_merge (self->builder, second->builder);
}

