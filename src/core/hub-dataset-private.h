/* hub-dataset-private.h: building a dataset, shared by the parser and the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-dataset.h"

G_BEGIN_DECLS

typedef struct _HubDatasetBuilder HubDatasetBuilder;

HubDatasetBuilder *hub_dataset_builder_new            (void);
void               hub_dataset_builder_free           (HubDatasetBuilder *builder);
void               hub_dataset_builder_add            (HubDatasetBuilder *builder,
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
void               hub_dataset_builder_merge          (HubDatasetBuilder *builder,
                                                       HubDatasetBuilder *other);
guint64            hub_dataset_builder_get_rows       (HubDatasetBuilder *builder);
HubDataset        *hub_dataset_builder_finish         (HubDatasetBuilder *builder);

/* Takes ownership of repos (and of every days/cum array in it) and of names. */
HubDataset        *hub_dataset_new_take               (HubRepo           *repos,
                                                       guint              n_repos,
                                                       GStringChunk      *names,
                                                       guint64            rows,
                                                       guint64            merged_repeats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubDatasetBuilder, hub_dataset_builder_free)

G_END_DECLS
