/* hub-import-dialog.h: what a folder of snapshot files would add to the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-history.h"

G_BEGIN_DECLS

#define HUB_TYPE_IMPORT_DIALOG (hub_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubImportDialog, hub_import_dialog, HUB, IMPORT_DIALOG, AdwDialog)

AdwDialog        *hub_import_dialog_new          (GFile            *folder,
                                                  HubImportPreview *preview);
HubImportPreview *hub_import_dialog_get_preview  (HubImportDialog  *self);
char             *hub_import_dialog_dup_summary  (HubImportDialog  *self);
void              hub_import_dialog_import_async (HubImportDialog  *self,
                                                  HubHistory       *history,
                                                  const char       *endpoint,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
gboolean          hub_import_dialog_import_finish (HubImportDialog *self,
                                                   GAsyncResult    *result,
                                                   HubImportResult *imported,
                                                   GError         **error);
void              hub_import_dialog_fail         (HubImportDialog  *self,
                                                  const char       *message);

G_END_DECLS
