/* hub-export.h: Export CSV…, from the save dialog to the file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-core.h"

G_BEGIN_DECLS

void   hub_export_write_async  (HubDataset           *dataset,
                                HubExportKind         kind,
                                GArray               *indexes,
                                const HubSpan        *span,
                                GFile                *destination,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
GFile *hub_export_write_finish (GAsyncResult         *result,
                                GError              **error);

void   hub_export_run_async    (GtkWindow            *parent,
                                HubDataset           *dataset,
                                HubExportKind         kind,
                                const char           *export_name,
                                GArray               *shown_indexes,
                                const HubSpan        *span,
                                GFile                *folder,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
GFile *hub_export_run_finish   (GAsyncResult         *result,
                                GError              **error);

G_END_DECLS
