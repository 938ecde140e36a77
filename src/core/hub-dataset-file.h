/* hub-dataset-file.h: a dataset's own file format, for the offline cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

#define HUB_DATASET_FILE_ERROR (hub_dataset_file_error_quark ())

/* Every message is translated and says why the file cannot be used. */
typedef enum
{
  HUB_DATASET_FILE_ERROR_NOT_DATASET,   /* another kind of file */
  HUB_DATASET_FILE_ERROR_VERSION,       /* written by another version */
  HUB_DATASET_FILE_ERROR_DAMAGED,       /* truncated, or its checksum does not match */
  HUB_DATASET_FILE_ERROR_FOREIGN,       /* of another endpoint or organisation */
  HUB_DATASET_FILE_ERROR_INVALID,       /* a valid checksum over what no dataset holds */
  HUB_DATASET_FILE_ERROR_TOO_LARGE,     /* more names than the format can index */
} HubDatasetFileError;

GQuark      hub_dataset_file_error_quark (void);

/* The dataset of org on endpoint, fetched at fetched_at (NULL: now), as the
 * bytes of a file. */
GBytes     *hub_dataset_file_write       (HubDataset    *dataset,
                                          const char    *endpoint,
                                          const char    *org,
                                          GDateTime     *fetched_at,
                                          GError       **error);
/* The dataset in data, which must be of org on endpoint; fetched_at (may be
 * NULL) receives when it was fetched. Everything read goes through the
 * dataset builder's gate, as the parser's rows do. */
HubDataset *hub_dataset_file_read        (const guint8  *data,
                                          gsize          size,
                                          const char    *endpoint,
                                          const char    *org,
                                          GDateTime    **fetched_at,
                                          GError       **error);

G_END_DECLS
