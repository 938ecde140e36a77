/* hub-dataset-private.h: building a dataset, the one gate for its invariants,
 * shared by the parser and the dataset file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

/* Counts are below 2^63 each, but a sum of many could pass it: it stops there. */
static inline gint64
add_saturated (gint64 a,
               gint64 b)
{
  gint64 r;

  if (__builtin_add_overflow (a, b, &r))
    return G_MAXINT64;
  return r;
}

/* The builder's dataset: takes ownership of repos (and of every days/cum
 * array in it) and of names. */
HubDataset *hub_dataset_new_take (HubRepo      *repos,
                                  guint         n_repos,
                                  GStringChunk *names,
                                  guint64       rows,
                                  guint64       merged_repeats);

/* The builder's refusals: a dataset file that passed its checksum but
 * breaks what the rest of the code relies on (days within years 1 … 9999,
 * sorted and unique per repository; no negative count; rows that add up). */
#define HUB_DATASET_ERROR (hub_dataset_error_quark ())

typedef enum
{
  HUB_DATASET_ERROR_INVALID,
} HubDatasetError;

typedef struct _HubDatasetBuilder HubDatasetBuilder;

GQuark             hub_dataset_error_quark            (void);

HubDatasetBuilder *hub_dataset_builder_new            (void);
void               hub_dataset_builder_free           (HubDatasetBuilder *builder);
/* FALSE, and nothing added, for a row that breaks the invariants. */
gboolean           hub_dataset_builder_add            (HubDatasetBuilder *builder,
                                                       const char        *type,
                                                       gsize              type_len,
                                                       const char        *name,
                                                       gsize              name_len,
                                                       gint64             total,
                                                       HubDay             day,
                                                       gint64             downloads);
gboolean           hub_dataset_builder_add_to_current (HubDatasetBuilder *builder,
                                                       gint64             total,
                                                       HubDay             day,
                                                       gint64             downloads);
gboolean           hub_dataset_builder_add_series     (HubDatasetBuilder *builder,
                                                       const char        *type,
                                                       gsize              type_len,
                                                       const char        *name,
                                                       gsize              name_len,
                                                       gint64             total,
                                                       const HubDay      *days,
                                                       const gint64      *cum,
                                                       guint              n_days,
                                                       GError           **error);
void               hub_dataset_builder_set_rows       (HubDatasetBuilder *builder,
                                                       guint64            rows,
                                                       guint64            merged_repeats);
void               hub_dataset_builder_merge          (HubDatasetBuilder *builder,
                                                       HubDatasetBuilder *other);
guint64            hub_dataset_builder_get_rows       (HubDatasetBuilder *builder);
/* The daily records the builder has room for, over every repository. */
guint64            hub_dataset_builder_get_capacity   (HubDatasetBuilder *builder);
HubDataset        *hub_dataset_builder_finish         (HubDatasetBuilder *builder,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubDatasetBuilder, hub_dataset_builder_free)

G_END_DECLS
