/* hub-parser.h: the streaming download-breakdown parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <stdatomic.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

#define HUB_PARSE_ERROR (hub_parse_error_quark ())

typedef enum
{
  HUB_PARSE_ERROR_EMPTY,           /* no header at all */
  HUB_PARSE_ERROR_NOT_CSV,         /* an HTML page or another kind of file */
  HUB_PARSE_ERROR_MISSING_COLUMN,
  HUB_PARSE_ERROR_SHORT_ROW,
  HUB_PARSE_ERROR_EMPTY_FIELD,     /* an empty repoType or repoName */
  HUB_PARSE_ERROR_BAD_COUNT,
  HUB_PARSE_ERROR_COUNT_TOO_LARGE,
  HUB_PARSE_ERROR_BAD_DATE,
  HUB_PARSE_ERROR_CSV,             /* libcsv gave up (out of memory) */
  HUB_PARSE_ERROR_NOT_TEXT,        /* a repoType or repoName that is not UTF-8 text */
  HUB_PARSE_ERROR_FIELD_TOO_LONG,  /* a field that never ends: a quote left open */
} HubParseError;

/* Progress of a load, written by the loading threads and read by anyone. */
typedef struct
{
  atomic_uint_fast64_t bytes;
  atomic_uint_fast64_t rows;
  guint64              total_bytes;  /* 0 when unknown */
} HubProgress;

typedef struct _HubParser HubParser;

GQuark      hub_parse_error_quark   (void);

HubParser  *hub_parser_new          (const char    *source_name,
                                     HubProgress   *progress);
void        hub_parser_free         (HubParser     *parser);
gboolean    hub_parser_feed         (HubParser     *parser,
                                     const char    *data,
                                     gsize          len,
                                     GError       **error);
HubDataset *hub_parser_finish       (HubParser     *parser,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubParser, hub_parser_free)

G_END_DECLS
