/* hub-parser-private.h: what the loader needs of the parser, and the
 * loader's knobs for the tests and the fuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-loader.h"
#include "hub-parser.h"

G_BEGIN_DECLS

/* Files at least this large are parsed in two halves, on two threads. */
#define HUB_PARSER_SPLIT_MIN_SIZE (4 * 1024 * 1024)

/* Whether rows without quotes are read by position (the default) or by
 * libcsv like every other: both must give the same result. */
void        hub_parser_set_plain_scanner (HubParser     *parser,
                                          gboolean       plain);
/* A parser for a later part of the same file: it starts at a record
 * boundary, knows first's header, and counts lines from its own start. */
HubParser  *hub_parser_new_continuation  (HubParser     *first);
/* hub_parser_feed() and the end of hub_parser_finish(), keeping the error
 * in the parser for hub_parser_get_error(). */
gboolean    hub_parser_push              (HubParser     *parser,
                                          const char    *data,
                                          gsize          len);
gboolean    hub_parser_end               (HubParser     *parser);
gboolean    hub_parser_failed            (HubParser     *parser);
gboolean    hub_parser_at_record_start   (HubParser     *parser);
guint64     hub_parser_get_line          (HubParser     *parser);
/* The first error, its line moved on by line_offset (the lines before the
 * parser's part). */
GError     *hub_parser_get_error         (HubParser     *parser,
                                          guint64        line_offset);
void        hub_parser_withdraw_progress (HubParser     *parser);
void        hub_parser_absorb            (HubParser     *parser,
                                          HubParser     *second);

/* hub_dataset_load_file() with another split threshold, so that small files
 * can take the two-thread path too. */
HubDataset *hub_dataset_load_file_split  (const char    *path,
                                          const char    *source_name,
                                          goffset        split_min_size,
                                          HubProgress   *progress,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* A count as DESIGN.md has them: digits only ("007" is 7), at most
 * 2^63 − 1; else FALSE with HUB_PARSE_ERROR_BAD_COUNT or
 * HUB_PARSE_ERROR_COUNT_TOO_LARGE. Inline: the parser calls it twice a row. */
static inline gboolean
hub_parse_count (const char    *text,
                 gsize          len,
                 gint64        *out,
                 HubParseError *code)
{
  gint64 value = 0;

  if (len == 0)
    {
      *code = HUB_PARSE_ERROR_BAD_COUNT;
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    {
      int digit = (unsigned char) text[i] - '0';

      if (digit < 0 || digit > 9)
        {
          *code = HUB_PARSE_ERROR_BAD_COUNT;
          return FALSE;
        }
      if (value > (G_MAXINT64 - digit) / 10)
        {
          /* Still refuse "12x…" as not a number rather than as too large. */
          for (gsize j = i; j < len; j++)
            if (text[j] < '0' || text[j] > '9')
              {
                *code = HUB_PARSE_ERROR_BAD_COUNT;
                return FALSE;
              }
          *code = HUB_PARSE_ERROR_COUNT_TOO_LARGE;
          return FALSE;
        }
      value = value * 10 + digit;
    }
  *out = value;
  return TRUE;
}

G_END_DECLS
