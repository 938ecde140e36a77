/* hub-parser-private.h: the parser's knobs, for the tests and the fuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-parser.h"

G_BEGIN_DECLS

/* Files at least this large are parsed in two halves, on two threads. */
#define HUB_PARSER_SPLIT_MIN_SIZE (4 * 1024 * 1024)

/* hub_dataset_load_file() with another split threshold, so that small files
 * can take the two-thread path too. */
HubDataset *hub_dataset_load_file_split (const char    *path,
                                         const char    *source_name,
                                         goffset        split_min_size,
                                         HubProgress   *progress,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
