/* hub-log-json.c: request logs as JSON Lines, one object a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-log-reader-private.h"

static gboolean
json_field (Worker     *w,
            JsonObject *object,
            int         column,
            Field      *out,
            guint64     line)
{
  JsonNode *node = json_object_get_member (object, log_column_names[column]);

  out->p = "";
  out->len = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      log_fail (w, line, HUB_LOG_ERROR_BAD_JSON, column, NULL, 0);
      return FALSE;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      out->p = json_node_get_string (node);
      out->len = strlen (out->p);
      break;
    case G_TYPE_INT64:
      out->len = (gsize) g_snprintf (w->numbers[column], sizeof w->numbers[column],
                                     "%" G_GINT64_FORMAT, json_node_get_int (node));
      out->p = w->numbers[column];
      break;
    case G_TYPE_BOOLEAN:
      out->p = json_node_get_boolean (node) ? "true" : "false";
      out->len = strlen (out->p);
      break;
    default:
      out->len = (gsize) g_snprintf (w->numbers[column], sizeof w->numbers[column],
                                     "%g", json_node_get_double (node));
      out->p = w->numbers[column];
      break;
    }
  return TRUE;
}

static gboolean
handle_json_line (Worker     *w,
                  const char *p,
                  const char *end,
                  guint64     line)
{
  Field fields[N_COLS];
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  gboolean old_format;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    return TRUE;

  if (!json_parser_load_from_data (w->json, p, (gssize) (end - p), &error)
      || (root = json_parser_get_root (w->json)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *why = error ? error->message : _("not an object");

      log_fail (w, line, HUB_LOG_ERROR_BAD_JSON, -1, why, strlen (why));
      return FALSE;
    }
  object = json_node_get_object (root);
  for (int c = 0; c < N_COLS; c++)
    if (!json_field (w, object, c, &fields[c], line))
      return FALSE;
  old_format = !json_object_has_member (object, "status")
               && json_object_has_member (object, "requestType");
  return log_handle_fields (w, fields, old_format, line);
}

/* JSON objects, one a line. */
void
log_handle_json_lines (Worker *w)
{
  const char *p = (const char *) w->buffer->data;
  const char *end = p + w->buffer->len;
  guint64 line = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl ? nl : end;
      const char *seg_end = line_end;

      if (seg_end > p && seg_end[-1] == '\r')
        seg_end--;
      if (!handle_json_line (w, p, seg_end, line++))
        break;
      p = line_end + 1;
    }
  w->lines = line;
  if (w->read->progress)
    atomic_fetch_add (&w->read->progress->rows, line);
}
