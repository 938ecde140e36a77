/* hub-csv-writer.h: the breakdown and the per-repository table as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"
#include "hub-range.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_EXPORT_BREAKDOWN,  /* the Hub's five columns, one row a repository and day */
  HUB_EXPORT_TABLE,      /* one row a repository, in the order given */
} HubExportKind;

gboolean hub_csv_write_breakdown (HubDataset     *dataset,
                                  GOutputStream  *out,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean hub_csv_write_table     (HubDataset     *dataset,
                                  const guint    *indexes,
                                  guint           n_indexes,
                                  const HubSpan  *span,
                                  GOutputStream  *out,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean hub_csv_export          (HubDataset     *dataset,
                                  HubExportKind   kind,
                                  const guint    *indexes,
                                  guint           n_indexes,
                                  const HubSpan  *span,
                                  GFile          *destination,
                                  GCancellable   *cancellable,
                                  GError        **error);
char    *hub_csv_format_change   (HubChange       change);
char    *hub_csv_suggested_name  (const char     *source,
                                  HubExportKind   kind,
                                  HubDay          as_of);
void     hub_csv_append_field    (GString        *line,
                                  const char     *text);

G_END_DECLS
