/* hub-log-errors.c: the request-log reader's errors, the earliest kept,
 * told to the user with the file, the line and the column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-log-reader-private.h"

const char * const log_column_names[N_COLS] = {
  "timestamp", "status", "method", "repoName", "repoType", "hashedUserId",
  "hashedIp", "country", "region", "requestType", "isInternal",
  "day", "requests", "sessions", "users", "anonymousIps",
};

void
log_read_error_free (ReadError *error)
{
  if (error == NULL)
    return;
  g_free (error->value);
  g_free (error);
}

/* Keeps the earliest error of the input; lock held. */
void
log_keep_error (Read      *read,
                ReadError *error)
{
  if (read->error == NULL || error->seq < read->error->seq
      || (error->seq == read->error->seq && error->line < read->error->line))
    {
      log_read_error_free (read->error);
      read->error = error;
    }
  else
    log_read_error_free (error);
  read->stop = TRUE;
}

ReadError *
log_new_error (guint64      seq,
               guint        file,
               gint64       line,
               HubLogError  code,
               int          column,
               const char  *value,
               gsize        len)
{
  ReadError *error = g_new0 (ReadError, 1);

  error->seq = seq;
  error->file = file;
  error->line = line;
  error->code = code;
  error->column = column;
  if (value != NULL)
    {
      /* Quoted in the message: cut long values, and keep it UTF-8. */
      g_autofree char *cut = g_strndup (value, MIN (len, 80));

      error->value = g_utf8_make_valid (cut, -1);
    }
  return error;
}

GError *
log_make_error (Read      *read,
                ReadError *e)
{
  const char *source = read->names[e->file];
  const char *column = e->column >= 0 ? log_column_names[e->column] : NULL;
  const char *value = e->value ? e->value : "";
  gulong line;

  if (e->absolute)
    line = (gulong) e->line;
  else
    {
      guint64 n = g_array_index (read->first_lines, guint64, e->file);

      for (guint64 s = 0; s < e->seq; s++)
        {
          BlockInfo *b = &g_array_index (read->blocks, BlockInfo, s);

          if (b->file == e->file)
            n += b->lines;
        }
      line = (gulong) (n + (guint64) e->line);
    }

  switch (e->code)
    {
    case HUB_LOG_ERROR_EMPTY:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s is empty: request logs start with a header line such as "
                            "“timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,"
                            "country,region”, or are JSON objects, one a line"), source);
    case HUB_LOG_ERROR_NOT_LOGS:
      while (g_ascii_isspace (*value))
        value++;
      if (*value == '<')
        return g_error_new (HUB_LOG_ERROR, e->code,
                            _("%s, line %lu: this is a web page, not request logs "
                              "(a sign-in page or an error from the server?)"), source, line);
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: these are not request logs: the first line has "
                            "none of the columns timestamp, status, method, repoName and "
                            "repoType"), source, line);
    case HUB_LOG_ERROR_MISSING_COLUMN:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the column “%s” is missing"), source, line, column);
    case HUB_LOG_ERROR_SHORT_ROW:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the row ends before the column “%s”"),
                          source, line, column);
    case HUB_LOG_ERROR_EMPTY_FIELD:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: the value is empty"),
                          source, line, column);
    case HUB_LOG_ERROR_BAD_STATUS:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not an HTTP status "
                            "(a number from 100 to 599)"), source, line, column, value);
    case HUB_LOG_ERROR_BAD_DATE:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not a valid date and time"),
                          source, line, column, value);
    case HUB_LOG_ERROR_NOT_TEXT:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not valid UTF-8 text"),
                          source, line, column, value);
    case HUB_LOG_ERROR_FIELD_TOO_LONG:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: a line runs on for more than four megabytes (is a "
                            "quotation mark left open?)"), source, line);
    case HUB_LOG_ERROR_BAD_JSON:
      if (column != NULL)
        return g_error_new (HUB_LOG_ERROR, e->code,
                            _("%s, line %lu, column “%s”: the value is a list or an object, "
                              "not text or a number"), source, line, column);
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu: the line is not a JSON object (%s)"),
                          source, line, value);
    case HUB_LOG_ERROR_BAD_COUNT:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: “%s” is not a whole number of "
                            "requests (digits only)"), source, line, column, value);
    case HUB_LOG_ERROR_BAD_SKETCH:
      return g_error_new (HUB_LOG_ERROR, e->code,
                          _("%s, line %lu, column “%s”: this is not a sketch as "
                            "docs/logs-aggregate.md describes it (h: and hashes, or r: and "
                            "registers)"), source, line, column);
    case HUB_LOG_ERROR_READ:
    case HUB_LOG_ERROR_BAD_AGGREGATE:
    default:
      return g_error_new (HUB_LOG_ERROR, HUB_LOG_ERROR_READ,
                          _("%s, line %lu: the file could not be read (%s)"),
                          source, line, value);
    }
}

void
log_fail (Worker      *w,
          guint64      line,
          HubLogError  code,
          int          column,
          const char  *value,
          gsize        len)
{
  if (w->error == NULL)
    w->error = log_new_error (w->seq, w->file, (gint64) line, code, column, value, len);
}
